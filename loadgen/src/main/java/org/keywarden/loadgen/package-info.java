/**
 * The {@code keywarden-loadgen} command line (picocli): a load run against the device API
 * ({@link org.keywarden.loadgen.KeywardenLoad}) and the {@code verify} subcommand that checks an
 * escrow ledger against the server ({@link org.keywarden.loadgen.VerifyCommand}).
 */
package org.keywarden.loadgen;
