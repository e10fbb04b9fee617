package org.keywarden.audit.control;

/** Who made a request and from where, as the audit trail records it. */
public record Caller(String actor, String sourceAddress) {

    public static Caller device(String deviceId, String sourceAddress) {
        return new Caller("device:" + deviceId, sourceAddress);
    }

    /** A signed-in user of the portals or the admin API. */
    public static Caller user(String username, String sourceAddress) {
        return new Caller("user:" + username, sourceAddress);
    }

    public static Caller anonymous(String sourceAddress) {
        return new Caller("anonymous", sourceAddress);
    }
}
