package org.keywarden.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The device and admin REST API, under {@code /api}; version 1 lives at {@code /api/v1}. */
@ApplicationPath("/api")
public class KeywardenApi extends Application {
}
