package org.keywarden.settings.boundary;

import org.keywarden.platform.boundary.ClientAddress;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.Violation;
import org.keywarden.portal.boundary.PortalMessages;
import org.keywarden.settings.control.AdjustableSettings;
import org.keywarden.settings.control.ChangeSettings;
import org.keywarden.settings.control.Lockout;
import org.keywarden.settings.control.Texts;

/**
 * {@code /admin/settings} (administrators): the organisation's texts for each portal language (empty:
 * the default language's, then the portal's own), the notice switch, session and key times, and the
 * lockouts; saved through {@link ChangeSettings} (checked and audited there).
 */
@Named
@ViewScoped
public class SettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The portal's languages, which always get a column; other stored languages are shown too. */
    static final List<String> PORTAL_LANGUAGES = List.of("en", "de");
    static final List<String> TEXTS = List.of("companyName", "noticeText", "helpdeskText", "helpdeskUrl");

    @Inject
    ChangeSettings settings;

    private List<String> languages;
    private final Map<String, Map<String, String>> texts = new HashMap<>();
    private boolean noticeEnabled;
    private double sessionIdleMinutes;
    private double keyAutoHideMinutes;
    private final Map<String, Number> lockouts = new HashMap<>();

    public void load() {
        AdjustableSettings current = settings.current();
        TreeSet<String> all = new TreeSet<>(PORTAL_LANGUAGES);
        List<Texts> values = List.of(current.companyName(), current.noticeText(), current.helpdeskText(), current.helpdeskUrl());
        for (int i = 0; i < TEXTS.size(); i++) {
            texts.put(TEXTS.get(i), new HashMap<>(values.get(i).byLanguage()));
            all.addAll(values.get(i).byLanguage().keySet());
        }
        all.removeAll(PORTAL_LANGUAGES);
        languages = new ArrayList<>(PORTAL_LANGUAGES);
        languages.addAll(all);
        noticeEnabled = current.noticeEnabled();
        sessionIdleMinutes = current.sessionIdleMinutes();
        keyAutoHideMinutes = current.keyAutoHideMinutes();
        lockout("signInLockout", current.signInLockout());
        lockout("selfServiceLockout", current.selfServiceLockout());
    }

    private void lockout(String name, Lockout lockout) {
        lockouts.put(name + ".failures", lockout.failures());
        lockouts.put(name + ".windowMinutes", lockout.windowMinutes());
        lockouts.put(name + ".lockMinutes", lockout.lockMinutes());
    }

    public void save() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            settings.change(new AdjustableSettings(texts("companyName"), texts("noticeText"), texts("helpdeskText"),
                    texts("helpdeskUrl"), noticeEnabled, sessionIdleMinutes, keyAutoHideMinutes, lockout("signInLockout"),
                    lockout("selfServiceLockout")), AuditSource.HELPDESK_PORTAL,
                    ClientAddress.of((HttpServletRequest) external.getRequest()));
            external.redirect(external.getRequestContextPath() + "/admin/settings?saved=true");
        } catch (InvalidInput invalid) {
            for (Violation violation : invalid.violations()) {
                String field = violation.field();
                String base = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
                PortalMessages.error(faces, "settings:" + field.replace('.', '-'), "settings.invalid." + base);
            }
        }
    }

    private Texts texts(String name) {
        Map<String, String> byLanguage = new TreeMap<>();
        texts.get(name).forEach((language, text) -> {
            if (text != null && !text.isBlank()) {
                byLanguage.put(language, text.strip());
            }
        });
        return new Texts(byLanguage);
    }

    private Lockout lockout(String name) {
        return new Lockout(lockouts.get(name + ".failures").intValue(),
                lockouts.get(name + ".windowMinutes").doubleValue(), lockouts.get(name + ".lockMinutes").doubleValue());
    }

    public List<String> getLanguages() { return languages; }
    public Map<String, Map<String, String>> getTexts() { return texts; }
    public Map<String, Number> getLockouts() { return lockouts; }
    public boolean isNoticeEnabled() { return noticeEnabled; }
    public void setNoticeEnabled(boolean noticeEnabled) { this.noticeEnabled = noticeEnabled; }
    public double getSessionIdleMinutes() { return sessionIdleMinutes; }
    public void setSessionIdleMinutes(double minutes) { this.sessionIdleMinutes = minutes; }
    public double getKeyAutoHideMinutes() { return keyAutoHideMinutes; }
    public void setKeyAutoHideMinutes(double minutes) { this.keyAutoHideMinutes = minutes; }
}
