package org.keywarden.settings.control;

import java.time.Duration;

/**
 * The settings an administrator changes at run time (the settings page, {@code /api/v1/admin/settings}):
 * the organisation's texts per language, whether self-service shows its notice, the idle timeout of a
 * portal session, how long a shown key stays, and the sign-in and self-service lockouts.
 */
public record AdjustableSettings(Texts companyName, Texts noticeText, Texts helpdeskText, Texts helpdeskUrl,
                                 boolean noticeEnabled, double sessionIdleMinutes, double keyAutoHideMinutes,
                                 Lockout signInLockout, Lockout selfServiceLockout) {

    public Duration sessionIdle() {
        return minutes(sessionIdleMinutes);
    }

    public Duration keyAutoHide() {
        return minutes(keyAutoHideMinutes);
    }

    static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }
}
