package org.keywarden.selfservice.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Set;
import org.keywarden.identity.entity.AppUser;
import org.keywarden.platform.control.NotPermitted;

/**
 * The names under which agents may have reported a signed-in user on a device, lower case: the user
 * name ({@code CORP\alice}) and, for a directory user, the user principal name ({@code alice@corp.example}).
 * Only an enabled user of Keywarden has any; anyone else is refused.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OwnPrincipals {

    @PersistenceContext
    EntityManager em;

    Set<String> of(String username) {
        AppUser user = em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class).setParameter("username", username)
                .getResultStream().findFirst().filter(u -> !u.isDisabled())
                .orElseThrow(() -> new NotPermitted("Self-service is for signed-in users"));
        String upn = user.getUserPrincipalName();
        return upn == null || upn.isBlank() ? Set.of(user.getUsername().toLowerCase(Locale.ROOT))
                : Set.of(user.getUsername().toLowerCase(Locale.ROOT), upn.toLowerCase(Locale.ROOT));
    }
}
