package org.keywarden.settings.control;

import org.keywarden.identity.control.LockoutPolicy;

/** A lockout as an administrator sets it: {@code failures} within {@code windowMinutes} lock for {@code lockMinutes}. */
public record Lockout(int failures, double windowMinutes, double lockMinutes) {

    public LockoutPolicy policy() {
        return new LockoutPolicy(failures, AdjustableSettings.minutes(windowMinutes), AdjustableSettings.minutes(lockMinutes));
    }
}
