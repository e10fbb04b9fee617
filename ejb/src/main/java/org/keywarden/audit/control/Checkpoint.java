package org.keywarden.audit.control;

import java.time.Instant;
import java.util.List;

/**
 * The heads of the audit trail's chains at one moment, signed with a key that is not in the database:
 * whoever can write the database can rewrite events and heads consistently, but not this file. A
 * verification compares the database with the newest checkpoint.
 */
public record Checkpoint(Instant at, List<Head> chains, String signedWith, String signature) {

    /** One chain's head: the id and hash of its newest event (the genesis hash when it has none). */
    public record Head(int chain, long lastEventId, String lastHash) {
    }

    /** The text that is signed: a version tag, the time, each head as chain:id:hash. */
    public String signedText() {
        StringBuilder text = new StringBuilder("keywarden-audit-checkpoint-v1|").append(at).append('|');
        for (Head head : chains) {
            text.append(head.chain()).append(':').append(head.lastEventId()).append(':').append(head.lastHash()).append('|');
        }
        return text.toString();
    }
}
