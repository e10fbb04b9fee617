/**
 * The agent's state directory: device identity, the owner-only device token, the simulated
 * BitLocker volumes and the ledger of escrowed recovery keys, readable by tests through
 * {@link org.keywarden.agent.state.AgentState#load(java.nio.file.Path)}.
 */
package org.keywarden.agent.state;
