package org.keywarden.device.entity;

/** Who said that a user is associated with a device. */
public enum UserSource {
    AGENT,
    ADMIN
}
