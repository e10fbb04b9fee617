package org.keywarden.settings.control;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@link AdjustableSettings} as rows of {@code keywarden_setting}, named {@code portal.<field>} (texts:
 * {@code portal.<field>.<language>}); a row that is not stored takes the default (the environment's).
 */
final class SettingRows {

    static final String PREFIX = "portal.";

    private SettingRows() {
    }

    static Map<String, String> of(AdjustableSettings settings) {
        Map<String, String> rows = new TreeMap<>();
        putTexts(rows, "companyName", settings.companyName());
        putTexts(rows, "noticeText", settings.noticeText());
        putTexts(rows, "helpdeskText", settings.helpdeskText());
        putTexts(rows, "helpdeskUrl", settings.helpdeskUrl());
        rows.put(PREFIX + "noticeEnabled", String.valueOf(settings.noticeEnabled()));
        rows.put(PREFIX + "sessionIdleMinutes", number(settings.sessionIdleMinutes()));
        rows.put(PREFIX + "keyAutoHideMinutes", number(settings.keyAutoHideMinutes()));
        putLockout(rows, "signInLockout", settings.signInLockout());
        putLockout(rows, "selfServiceLockout", settings.selfServiceLockout());
        return rows;
    }

    static AdjustableSettings from(Map<String, String> rows, AdjustableSettings defaults) {
        return new AdjustableSettings(texts(rows, "companyName"), texts(rows, "noticeText"), texts(rows, "helpdeskText"),
                texts(rows, "helpdeskUrl"),
                value(rows, "noticeEnabled", Boolean::valueOf, defaults.noticeEnabled()),
                value(rows, "sessionIdleMinutes", Double::valueOf, defaults.sessionIdleMinutes()),
                value(rows, "keyAutoHideMinutes", Double::valueOf, defaults.keyAutoHideMinutes()),
                lockout(rows, "signInLockout", defaults.signInLockout()),
                lockout(rows, "selfServiceLockout", defaults.selfServiceLockout()));
    }

    private static void putTexts(Map<String, String> rows, String field, Texts texts) {
        texts.byLanguage().forEach((language, text) -> rows.put(PREFIX + field + "." + language, text));
    }

    private static Texts texts(Map<String, String> rows, String field) {
        String start = PREFIX + field + ".";
        Map<String, String> byLanguage = new TreeMap<>();
        rows.forEach((name, value) -> {
            if (name.startsWith(start)) {
                byLanguage.put(name.substring(start.length()), value);
            }
        });
        return new Texts(byLanguage);
    }

    private static void putLockout(Map<String, String> rows, String field, Lockout lockout) {
        rows.put(PREFIX + field + ".failures", String.valueOf(lockout.failures()));
        rows.put(PREFIX + field + ".windowMinutes", number(lockout.windowMinutes()));
        rows.put(PREFIX + field + ".lockMinutes", number(lockout.lockMinutes()));
    }

    private static Lockout lockout(Map<String, String> rows, String field, Lockout defaults) {
        return new Lockout(value(rows, field + ".failures", Integer::valueOf, defaults.failures()),
                value(rows, field + ".windowMinutes", Double::valueOf, defaults.windowMinutes()),
                value(rows, field + ".lockMinutes", Double::valueOf, defaults.lockMinutes()));
    }

    private static <T> T value(Map<String, String> rows, String field, Function<String, T> parse, T fallback) {
        String stored = rows.get(PREFIX + field);
        if (stored == null) {
            return fallback;
        }
        try {
            return parse.apply(stored);
        } catch (RuntimeException unreadable) {
            return fallback;
        }
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
