package org.keywarden.selfservice.control;

import java.time.Instant;
import org.keywarden.disclosure.control.DisclosedKey;
import org.keywarden.disclosure.control.KeyListing;

/**
 * How a self-service lookup ended. {@link Outcome#NOT_FOUND} is the one answer for an unknown key ID, a
 * malformed one and another user's: it carries nothing that could tell them apart.
 */
public record OwnKeyAnswer(Outcome outcome, DisclosedKey key, KeyListing listing, Instant lockedUntil) {

    public enum Outcome {
        /** The key, disclosed and audited; the device will be asked to rotate it. */
        SHOWN,
        /** No key of this user's devices has this ID. */
        NOT_FOUND,
        /** The digits match several of this user's keys: all 32 are needed. */
        FULL_ID_NEEDED,
        /** Too many failed lookups: self-service is locked for this user until {@link #lockedUntil}. */
        LOCKED_OUT
    }

    static OwnKeyAnswer shown(DisclosedKey key, KeyListing listing) {
        return new OwnKeyAnswer(Outcome.SHOWN, key, listing, null);
    }

    static OwnKeyAnswer of(Outcome outcome) {
        return new OwnKeyAnswer(outcome, null, null, null);
    }

    static OwnKeyAnswer lockedOut(Instant until) {
        return new OwnKeyAnswer(Outcome.LOCKED_OUT, null, null, until);
    }

    @Override
    public String toString() {
        return "OwnKeyAnswer[" + outcome + "]";
    }
}
