package org.keywarden.loadgen.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of re-sending every ledger entry: 200 = found (stored with the same password),
 * 201 = lost (the server did not have it, and has now stored it), 409 = corrupted (stored with
 * another password, or under another device), anything else = error. Thread safe.
 */
public final class VerifyTally {
    /** How many key ids of each bad kind are kept for the report. */
    static final int KEPT_IDS = 20;

    private long acknowledged;
    private long malformed;
    private long sent;
    private long found;
    private long lost;
    private long corrupted;
    private final Map<String, Long> errors = new TreeMap<>();
    private final List<String> lostKeyIds = new ArrayList<>();
    private final List<String> corruptedKeyIds = new ArrayList<>();

    synchronized void ledger(long entries, long malformedLines) {
        acknowledged = entries;
        malformed = malformedLines;
    }

    /** Records the final answer for one entry: an HTTP status, or {@code cause} when there was none. */
    synchronized void record(String keyId, int status, String cause) {
        sent++;
        if (status == 200) {
            found++;
        } else if (status == 201) {
            lost++;
            keep(lostKeyIds, keyId);
        } else if (status == 409) {
            corrupted++;
            keep(corruptedKeyIds, keyId);
        } else {
            errors.merge(cause != null ? cause : "HTTP " + status, 1L, Long::sum);
        }
    }

    private static void keep(List<String> list, String keyId) {
        if (list.size() < KEPT_IDS) {
            list.add(keyId);
        }
    }

    /** Entries in the ledger (escrows the server acknowledged). */
    public synchronized long acknowledged() {
        return acknowledged;
    }

    /** Ledger lines that could not be read. */
    public synchronized long malformed() {
        return malformed;
    }

    /** Entries re-sent (and answered or given up on). */
    public synchronized long sent() {
        return sent;
    }

    public synchronized long found() {
        return found;
    }

    public synchronized long lost() {
        return lost;
    }

    public synchronized long corrupted() {
        return corrupted;
    }

    /** Entries that could not be checked (other status, no answer), by cause. */
    public synchronized Map<String, Long> errors() {
        return Map.copyOf(errors);
    }

    public synchronized long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Up to {@value #KEPT_IDS} ids of lost keys (key ids are not secret). */
    public synchronized List<String> lostKeyIds() {
        return List.copyOf(lostKeyIds);
    }

    /** Up to {@value #KEPT_IDS} ids of corrupted keys. */
    public synchronized List<String> corruptedKeyIds() {
        return List.copyOf(corruptedKeyIds);
    }

    /** Whether every acknowledged escrow was found intact. */
    public synchronized boolean passed() {
        return lost == 0 && corrupted == 0 && errors.isEmpty() && sent == acknowledged;
    }
}
