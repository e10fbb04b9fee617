package org.keywarden.identity.control;

import java.util.Set;

/** The outcome of a sign-in and, when signed in, who with which roles. */
public record SignInResult(SignInOutcome outcome, String username, Set<String> roles) {

    static SignInResult refused(SignInOutcome outcome) {
        return new SignInResult(outcome, null, Set.of());
    }

    public boolean signedIn() {
        return outcome == SignInOutcome.SIGNED_IN;
    }
}
