package org.keywarden.identity.control;

import java.time.Duration;

/** When repeated failures lock a user name: {@code failures} within {@code window} lock it for {@code lockFor}. */
public record SignInPolicy(int failures, Duration window, Duration lockFor) {

    /** The configured policy (by default five failures in 15 minutes lock the name for 15 minutes). */
    public static SignInPolicy of(org.keywarden.config.control.KeywardenSettings settings) {
        return new SignInPolicy(settings.signInLockoutFailures(), settings.signInLockoutWindow(),
                settings.signInLockoutDuration());
    }
}
