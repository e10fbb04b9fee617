package org.keywarden.audit.control;

import org.keywarden.audit.entity.AuditSource;

/** Who made a request, from where, and through which door, as the audit trail records it. */
public record Caller(String actor, String sourceAddress, AuditSource source) {

    /** A caller whose door follows from who it is: a device is the agent, "system" is Keywarden itself, else the API. */
    public Caller(String actor, String sourceAddress) {
        this(actor, sourceAddress, actor.startsWith("device:") ? AuditSource.AGENT
                : actor.equals("system") ? AuditSource.SYSTEM : AuditSource.API);
    }

    public static Caller device(String deviceId, String sourceAddress) {
        return new Caller("device:" + deviceId, sourceAddress, AuditSource.AGENT);
    }

    /** A signed-in user of the admin API (HTTP Basic); {@link #via} names a portal instead. */
    public static Caller user(String username, String sourceAddress) {
        return new Caller("user:" + username, sourceAddress, AuditSource.API);
    }

    /** Anyone unauthenticated: a device enrolling, or a refused request. */
    public static Caller anonymous(String sourceAddress) {
        return new Caller("anonymous", sourceAddress, AuditSource.AGENT);
    }

    public Caller via(AuditSource door) {
        return new Caller(actor, sourceAddress, door);
    }
}
