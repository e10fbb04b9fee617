package org.keywarden.identity.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.keywarden.identity.entity.AppUser;

/**
 * Keeps the users the directory vouched for as users of source DIRECTORY, with the roles of their groups
 * and their user principal name as of their latest sign-in: the portal reads roles from there at every
 * request, self-service matches devices by both names, and administrators see them in the users list
 * (and may disable them in Keywarden). Commits on its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DirectoryUsers {

    @PersistenceContext
    EntityManager em;

    /** The stored user, or empty when an administrator disabled them here. */
    public Optional<AppUser> remember(DirectoryUser user, Set<String> roles, Instant now) {
        Optional<AppUser> stored = em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class)
                .setParameter("username", user.principal()).getResultStream().findFirst();
        if (stored.isEmpty()) {
            AppUser created = AppUser.fromDirectory(UUID.randomUUID().toString(), user.principal(),
                    user.userPrincipalName(), roles, now);
            em.persist(created);
            return Optional.of(created);
        }
        if (stored.get().isDisabled() || !stored.get().isDirectoryUser()) {
            return Optional.empty();
        }
        stored.get().refreshFromDirectory(roles, user.userPrincipalName());
        return stored;
    }
}
