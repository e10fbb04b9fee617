package org.keywarden.platform.boundary;

import java.util.regex.Pattern;

/**
 * The API paths that people and their scripts call (HTTP Basic), as opposed to the device endpoints
 * (bearer tokens): the admin, helpdesk, audit and report endpoints, and the TPM owner hash disclosure
 * that lives under a device's path. web.xml protects most of them; a URL pattern cannot name the last.
 */
public final class UserApiPaths {

    private static final Pattern PATHS = Pattern.compile(
            "/?v1/(admin|recovery-keys|audit|reports)(/.*)?|/?v1/devices/[^/]+/tpm/disclosures/?");

    private UserApiPaths() {
    }

    /** {@code path}: below {@code /api}, with or without its leading slash. */
    public static boolean matches(String path) {
        return PATHS.matcher(path).matches();
    }
}
