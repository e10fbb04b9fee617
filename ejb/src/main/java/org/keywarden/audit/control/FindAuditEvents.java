package org.keywarden.audit.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keywarden.audit.entity.AuditEvent;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.audit.entity.Outcome;
import org.keywarden.identity.control.Roles;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.Violation;

/**
 * The recovery audit (report viewers and administrators): events filtered by time, action, source,
 * actor, end user, device, key and outcome, newest first, a page at a time with a cursor that stays
 * right while new events arrive. The same query serves the REST API, the report page and its CSV export.
 */
@Stateless
@RolesAllowed({Roles.REPORT_VIEWER, Roles.ADMIN})
public class FindAuditEvents {

    @PersistenceContext
    EntityManager em;

    public AuditPage find(AuditQuery query) {
        List<Violation> violations = new ArrayList<>();
        if (query.limit() < 1 || query.limit() > AuditQuery.MAX_LIMIT) {
            violations.add(new Violation("limit", "must be 1 to " + AuditQuery.MAX_LIMIT));
        }
        AuditSource source = parse(AuditSource.class, query.source(), "source", violations);
        Outcome outcome = parse(Outcome.class, query.outcome(), "outcome", violations);
        Cursor after = query.cursor() == null ? null : Cursor.parse(query.cursor());
        if (query.cursor() != null && after == null) {
            violations.add(new Violation("cursor", "must be the next value of an earlier page"));
        }
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            violations.add(new Violation("from", "must not be after to"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEvent e WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        where(jpql, parameters, "e.occurredAt >= :from", "from", query.from());
        where(jpql, parameters, "e.occurredAt <= :to", "to", query.to());
        where(jpql, parameters, "e.action = :action", "action", blankToNull(query.action()));
        where(jpql, parameters, "e.source = :source", "source", source);
        where(jpql, parameters, "e.actor = :actor", "actor", actor(blankToNull(query.actor())));
        where(jpql, parameters, "e.endUser = :endUser", "endUser", blankToNull(query.endUser()));
        where(jpql, parameters, "e.deviceId = :deviceId", "deviceId", blankToNull(query.deviceId()));
        where(jpql, parameters, "e.recoveryKeyId = :keyId", "keyId", blankToNull(query.recoveryKeyId()));
        where(jpql, parameters, "e.outcome = :outcome", "outcome", outcome);
        if (after != null) {
            jpql.append(" AND (e.occurredAt < :afterAt OR (e.occurredAt = :afterAt AND e.id < :afterId))");
            parameters.put("afterAt", after.at());
            parameters.put("afterId", after.id());
        }
        jpql.append(" ORDER BY e.occurredAt DESC, e.id DESC");
        TypedQuery<AuditEvent> typed = em.createQuery(jpql.toString(), AuditEvent.class);
        parameters.forEach(typed::setParameter);
        List<AuditEvent> found = typed.setMaxResults(query.limit() + 1).getResultList();
        boolean more = found.size() > query.limit();
        List<AuditEventView> events = found.stream().limit(query.limit()).map(FindAuditEvents::view).toList();
        AuditEventView last = events.isEmpty() ? null : events.get(events.size() - 1);
        return new AuditPage(events, more && last != null ? new Cursor(last.at(), last.id()).toString() : null);
    }

    /** Actors are stored as user:NAME and device:ID; a filter may give a user's name alone. */
    private static String actor(String actor) {
        if (actor == null || actor.contains(":") || Set.of("system", "anonymous").contains(actor)) {
            return actor;
        }
        return "user:" + actor;
    }

    private static void where(StringBuilder jpql, Map<String, Object> parameters, String condition, String name,
            Object value) {
        if (value != null) {
            jpql.append(" AND ").append(condition);
            parameters.put(name, value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(value.strip())) {
                return candidate;
            }
        }
        violations.add(new Violation(field, "must be one of " + List.of(type.getEnumConstants())));
        return null;
    }

    static AuditEventView view(AuditEvent e) {
        return new AuditEventView(e.getId(), e.getOccurredAt(), e.getActor(),
                e.getSource() == null ? null : e.getSource().name(), e.getAction(), e.getOutcome().name(),
                e.getDeviceId(), e.getVolumeGuid(), e.getRecoveryKeyId(), e.getEndUser(), e.getReason(), e.getDetail(),
                e.getSourceAddress());
    }

    /** Where a page ended: the time and id of its last event, as "millis.id". */
    record Cursor(Instant at, long id) {

        static Cursor parse(String text) {
            String[] parts = text.split("\\.");
            try {
                return parts.length == 2 ? new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])),
                        Long.parseLong(parts[1])) : null;
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return at.toEpochMilli() + "." + id;
        }
    }
}
