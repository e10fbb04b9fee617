package org.keywarden.identity.control;

/** How a sign-in ended. A wrong password and an unknown user name are the same outcome. */
public enum SignInOutcome {
    SIGNED_IN,
    INVALID,
    /** Too many failures for this user name lately: refused without looking at the password. */
    LOCKED,
    /** Too many password checks in flight on this node: try again in a moment. */
    BUSY,
    /** The directory cannot be reached (or its settings are broken): directory users cannot sign in now. */
    DIRECTORY_UNAVAILABLE
}
