package org.keywarden.identity.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.identity.entity.AppUser;

/** Adds a user to the built-in store; audited. */
@Stateless
public class CreateUser {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashes hashes;

    @Inject
    AuditTrail audit;

    /** Creates the first administrator, unless any user exists; whether it did. */
    public boolean createFirstAdministrator(String username, char[] password) {
        if (em.createNamedQuery(AppUser.COUNT, Long.class).getSingleResult() > 0) {
            return false;
        }
        create(username, password, Set.of(Roles.ADMIN), new Caller("system", null));
        return true;
    }

    public void create(String username, char[] password, Set<String> roles, Caller caller) {
        em.persist(new AppUser(UUID.randomUUID().toString(), username, hashes.hash(password), roles,
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        audit.record(AuditRecord.success(caller, "USER_CREATED", null)
                .withDetail("user " + username + " with roles " + String.join(",", roles)));
    }
}
