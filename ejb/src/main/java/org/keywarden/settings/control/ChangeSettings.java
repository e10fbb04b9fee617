package org.keywarden.settings.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.identity.control.Roles;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.Violation;

/**
 * Administrators change the {@link AdjustableSettings}, checked by {@link SettingRules}: each setting
 * whose value changes is stored and audited with its old and new value (none of them is a secret). A
 * text left out for a language is removed; the default's fallback then applies.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ChangeSettings {

    static final String ACTION = "SETTING_CHANGED";
    static final int AUDITED_VALUE = 200;

    @Inject
    LiveSettings live;

    @Inject
    StoredSettings stored;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    public AdjustableSettings current() {
        return live.current();
    }

    /** The settings in force afterwards; {@link InvalidInput} naming each field that breaks a rule, then nothing is stored. */
    public AdjustableSettings change(AdjustableSettings wanted, AuditSource source, String sourceAddress) {
        List<Violation> violations = new ArrayList<>();
        SettingRules.check(wanted, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        Caller caller = Caller.user(context.getCallerPrincipal().getName(), sourceAddress).via(source);
        Map<String, String> before = live.stored();
        Map<String, String> after = SettingRows.of(wanted);
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String old = before.get(name);
            String now = after.get(name);
            if (Objects.equals(old, now)) {
                continue;
            }
            if (now == null) {
                stored.remove(name);
            } else {
                stored.set(name, now, caller.actor());
            }
            audit.record(new AuditRecord(caller, ACTION, org.keywarden.audit.entity.Outcome.SUCCESS, null, null, null,
                    null, name.substring(SettingRows.PREFIX.length()) + ": " + shown(old) + " -> " + shown(now)));
        }
        live.changed();
        return live.current();
    }

    private static String shown(String value) {
        if (value == null) {
            return "(not set)";
        }
        String oneLine = value.replaceAll("\\s+", " ");
        return "\"" + (oneLine.length() > AUDITED_VALUE ? oneLine.substring(0, AUDITED_VALUE) + "…" : oneLine) + "\"";
    }
}
