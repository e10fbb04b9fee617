package org.keywarden.identity.control;

import java.time.Duration;

/** When repeated failures lock a user name: {@code failures} within {@code window} lock it for {@code lockFor}. */
public record SignInPolicy(int failures, Duration window, Duration lockFor) {

    /** Five failures in 15 minutes lock the name for 15 minutes. */
    public static final SignInPolicy DEFAULT = new SignInPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
}
