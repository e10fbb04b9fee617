package org.keywarden.config.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Reads, at start, the settings that are otherwise first read by a request, so that a wrong value (a
 * trusted proxy that is no address, a failure limit out of range) stops the start with its message
 * instead of failing every request.
 */
@Singleton
@Startup
public class SettingsAtStart {

    @Inject
    KeywardenSettings settings;

    @PostConstruct
    void check() {
        settings.trustedProxies();
        settings.deviceFailureLimit();
        settings.deviceFailureWindow();
    }
}
