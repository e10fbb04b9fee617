/**
 * The escrow ledger, a JSON Lines file with one line per escrow the server acknowledged (2xx),
 * holding what is needed to send that escrow again: server, device id and token, volume, key id
 * and recovery password. It holds secrets, so it is created with mode 600. {@link
 * org.keywarden.loadgen.ledger.LedgerVerifier} re-sends every entry to find out whether the server
 * still has it.
 */
package org.keywarden.loadgen.ledger;
