package org.keywarden.identity.control;

/** What the directory said of a name and password: the user, no (wrong password, unknown, disabled or locked), or nothing (unreachable). */
record DirectoryAnswer(Outcome outcome, DirectoryUser user) {

    enum Outcome { AUTHENTICATED, INVALID, UNAVAILABLE }

    static final DirectoryAnswer INVALID = new DirectoryAnswer(Outcome.INVALID, null);
    static final DirectoryAnswer UNAVAILABLE = new DirectoryAnswer(Outcome.UNAVAILABLE, null);
}
