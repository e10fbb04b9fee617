/**
 * The agent's command line (picocli): enroll, add-volume, escrow, tpm, checkin, actions, status
 * and run, started from {@link org.keywarden.agent.KeywardenAgent}.
 */
package org.keywarden.agent;
