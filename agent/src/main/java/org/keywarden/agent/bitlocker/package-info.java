/**
 * The device's BitLocker side: volumes, key protectors, recovery passwords and the TPM owner
 * hash, behind the {@link org.keywarden.agent.bitlocker.BitLocker} interface with a simulated
 * implementation that keeps its volumes in a JSON file.
 */
package org.keywarden.agent.bitlocker;
