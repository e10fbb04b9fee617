package org.keywarden.identity.control;

import java.time.Duration;

/** When repeated failures lock a user name: {@code failures} within {@code window} lock it for {@code lockFor}. */
public record LockoutPolicy(int failures, Duration window, Duration lockFor) {
}
