package org.keywarden.settings.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.keywarden.settings.entity.Setting;

/** Settings kept in the database, shared by every node. */
@Stateless
public class StoredSettings {

    @PersistenceContext
    EntityManager em;

    public Optional<Setting> get(String name) {
        return Optional.ofNullable(em.find(Setting.class, name));
    }

    public void set(String name, String value, String by) {
        Setting setting = em.find(Setting.class, name, LockModeType.PESSIMISTIC_WRITE);
        boolean isNew = setting == null;
        if (isNew) {
            setting = new Setting(name);
        }
        setting.change(value, by, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        if (isNew) {
            em.persist(setting);
        }
    }

    /**
     * Changes the setting to {@code value} only if it holds {@code expected} (read under a row lock), so that of
     * several nodes doing the same change at once exactly one does it. Whether this call changed it.
     */
    public boolean changeIf(String name, String expected, String value, String by) {
        Setting setting = em.find(Setting.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (setting == null || !expected.equals(setting.getValue())) {
            return false;
        }
        setting.change(value, by, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return true;
    }

    /** Removes the setting, if it is stored. */
    public void remove(String name) {
        Setting setting = em.find(Setting.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (setting != null) {
            em.remove(setting);
        }
    }
}
