/**
 * The database ceiling: how many rows shaped like Keywarden's {@code recovery_key} a database
 * takes per second through plain JDBC, committed in batches and committed one by one (as Keywarden
 * commits each escrow), to compare the server's escrow throughput with.
 */
package org.keywarden.loadgen.db;
