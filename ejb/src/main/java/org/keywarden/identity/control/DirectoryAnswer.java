package org.keywarden.identity.control;

/** What the directory said of a name and password: the user, no (wrong password, unknown, disabled or locked), or nothing (unreachable, or too busy). */
record DirectoryAnswer(Outcome outcome, DirectoryUser user) {

    enum Outcome { AUTHENTICATED, INVALID, UNAVAILABLE, BUSY }

    static final DirectoryAnswer INVALID = new DirectoryAnswer(Outcome.INVALID, null);
    static final DirectoryAnswer UNAVAILABLE = new DirectoryAnswer(Outcome.UNAVAILABLE, null);
    /** Too many directory checks in flight on this node: try again in a moment. */
    static final DirectoryAnswer BUSY = new DirectoryAnswer(Outcome.BUSY, null);
}
