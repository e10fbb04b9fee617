package org.keywarden.identity.boundary;

/** Where to go after signing in: the page asked for, if it is one of ours; never another site. */
final class Landing {

    private Landing() {
    }

    /** {@code next} when it is a path of this application ("/helpdesk/search?q=..."), else "/". */
    static String safe(String next) {
        if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)
                || next.startsWith("/signin") || next.startsWith("/api/")) {
            return "/";
        }
        return next;
    }
}
