/**
 * The simulated Windows devices: their identity and token, their BitLocker volumes with the
 * recovery keys escrowed so far, and generators for volume GUIDs and valid 48-digit recovery
 * passwords.
 */
package org.keywarden.loadgen.device;
