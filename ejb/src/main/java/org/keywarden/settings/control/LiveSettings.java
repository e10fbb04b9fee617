package org.keywarden.settings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import org.keywarden.config.control.KeywardenSettings;
import org.keywarden.settings.entity.Setting;

/**
 * The {@link AdjustableSettings} in force: what an administrator stored in the database, else the
 * environment's value ({@link KeywardenSettings}, e.g. {@code KEYWARDEN_SESSION_IDLE_MINUTES}). Read
 * again at most {@value #REFRESH_MILLIS} ms after the last read, so that every node sees a change within
 * seconds and without a restart; the node that makes a change sees it at once.
 */
@ApplicationScoped
public class LiveSettings {

    static final long REFRESH_MILLIS = 5_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    KeywardenSettings environment;

    private volatile Snapshot snapshot;

    private record Snapshot(AdjustableSettings settings, long readAt) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AdjustableSettings current() {
        Snapshot last = snapshot;
        long now = System.currentTimeMillis();
        if (last == null || now - last.readAt() > REFRESH_MILLIS || now < last.readAt()) {
            last = new Snapshot(SettingRows.from(stored(), defaults()), now);
            snapshot = last;
        }
        return last.settings();
    }

    /** The next {@link #current()} reads the database again. */
    public void changed() {
        snapshot = null;
    }

    /** The settings as the environment gives them, without anything stored. */
    public AdjustableSettings defaults() {
        return new AdjustableSettings(Texts.none(), Texts.none(), Texts.none(), Texts.none(), true,
                minutes(environment.sessionIdle()), minutes(environment.keyAutoHide()),
                new Lockout(environment.signInLockoutFailures(), minutes(environment.signInLockoutWindow()),
                        minutes(environment.signInLockoutDuration())),
                new Lockout(environment.selfServiceLockoutFailures(), minutes(environment.selfServiceLockoutWindow()),
                        minutes(environment.selfServiceLockoutDuration())));
    }

    Map<String, String> stored() {
        Map<String, String> rows = new HashMap<>();
        for (Setting setting : em.createQuery("SELECT s FROM Setting s WHERE s.name LIKE :prefix", Setting.class)
                .setParameter("prefix", SettingRows.PREFIX + "%").getResultList()) {
            rows.put(setting.getName(), setting.getValue());
        }
        return rows;
    }

    private static double minutes(java.time.Duration duration) {
        return duration.toMillis() / 60_000.0;
    }
}
