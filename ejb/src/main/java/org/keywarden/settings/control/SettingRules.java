package org.keywarden.settings.control;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.keywarden.platform.control.Violation;

/**
 * What the adjustable settings must hold: language tags such as {@code en} or {@code de-ch}; texts of
 * bounded length without control characters (the notice may have line breaks); helpdesk links that
 * are absolute http or https URLs; times of more than 0 and at most 1,440 minutes; 1 to 1,000 failures.
 */
final class SettingRules {

    static final int MAX_COMPANY_NAME = 200;
    static final int MAX_TEXT = 1000;
    static final int MAX_NOTICE = 4000;

    private SettingRules() {
    }

    static void check(AdjustableSettings s, List<Violation> violations) {
        texts("companyName", s.companyName(), MAX_COMPANY_NAME, false, violations);
        texts("noticeText", s.noticeText(), MAX_NOTICE, true, violations);
        texts("helpdeskText", s.helpdeskText(), MAX_TEXT, true, violations);
        texts("helpdeskUrl", s.helpdeskUrl(), MAX_TEXT, false, violations);
        s.helpdeskUrl().byLanguage().forEach((language, url) -> {
            if (!url.isEmpty() && !isWebLink(url)) {
                violations.add(new Violation("helpdeskUrl." + language, "must be an http or https URL"));
            }
        });
        minutes("sessionIdleMinutes", s.sessionIdleMinutes(), violations);
        minutes("keyAutoHideMinutes", s.keyAutoHideMinutes(), violations);
        lockout("signInLockout", s.signInLockout(), violations);
        lockout("selfServiceLockout", s.selfServiceLockout(), violations);
    }

    private static void texts(String field, Texts texts, int max, boolean lineBreaks, List<Violation> violations) {
        for (Map.Entry<String, String> text : texts.byLanguage().entrySet()) {
            if (!text.getKey().matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
                violations.add(new Violation(field, "languages must be tags such as en, de or de-ch, not "
                        + text.getKey().substring(0, Math.min(20, text.getKey().length()))));
            } else if (text.getValue() == null || text.getValue().length() > max || text.getValue().chars().anyMatch(
                    c -> (c < 0x20 && !(lineBreaks && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7f)
                    || org.keywarden.platform.control.TextRules.hasLoneSurrogate(text.getValue())) {
                violations.add(new Violation(field + "." + text.getKey(), "must be at most " + max + " characters of text"));
            }
        }
    }

    static boolean isWebLink(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void minutes(String field, double minutes, List<Violation> violations) {
        if (!(minutes > 0) || minutes > 1440) {
            violations.add(new Violation(field, "must be more than 0 and at most 1440 minutes"));
        }
    }

    private static void lockout(String field, Lockout lockout, List<Violation> violations) {
        if (lockout == null) {
            violations.add(new Violation(field, "is required"));
            return;
        }
        if (lockout.failures() < 1 || lockout.failures() > 1000) {
            violations.add(new Violation(field + ".failures", "must be 1 to 1000"));
        }
        minutes(field + ".windowMinutes", lockout.windowMinutes(), violations);
        minutes(field + ".lockMinutes", lockout.lockMinutes(), violations);
    }
}
