package org.keywarden.settings.control;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A text an administrator writes per language ({@code {"en": "...", "de": "..."}}), read in a page's
 * language with fallback: the full tag (de-ch), its language (de), then the default language (en).
 */
public record Texts(Map<String, String> byLanguage) {

    public static final String DEFAULT_LANGUAGE = "en";

    public Texts {
        byLanguage = java.util.Collections.unmodifiableMap(new TreeMap<>(byLanguage));
    }

    public static Texts none() {
        return new Texts(Map.of());
    }

    /** The text for {@code locale}, or empty when none of its fallbacks is set. */
    public Optional<String> in(Locale locale) {
        String tag = locale.toLanguageTag().toLowerCase(Locale.ROOT);
        for (String candidate : new String[] {tag, locale.getLanguage().toLowerCase(Locale.ROOT), DEFAULT_LANGUAGE}) {
            String text = byLanguage.get(candidate);
            if (text != null && !text.isBlank()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
