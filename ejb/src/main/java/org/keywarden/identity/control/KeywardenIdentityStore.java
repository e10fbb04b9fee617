package org.keywarden.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import org.keywarden.identity.entity.AppUser;

/**
 * The built-in user store: a user name and password are valid when the user exists, is not disabled
 * and the password matches its PBKDF2 hash; the user's groups are its roles. Pluggable: a directory
 * store can stand beside it later.
 */
@ApplicationScoped
public class KeywardenIdentityStore implements IdentityStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashes hashes;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        char[] password = credential.getPassword().getValue();
        Optional<AppUser> user = em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class)
                .setParameter("username", credential.getCaller())
                .getResultStream().findFirst();
        if (user.isEmpty()) {
            hashes.verifyDecoy(password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (user.get().isDisabled() || !hashes.verify(password, user.get().getPasswordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.get().getUsername(), user.get().getRoles());
    }
}
