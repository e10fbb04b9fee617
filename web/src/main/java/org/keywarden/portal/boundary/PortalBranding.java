package org.keywarden.portal.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import org.keywarden.settings.control.AdjustableSettings;
import org.keywarden.settings.control.LiveSettings;
import org.keywarden.settings.control.Texts;

/**
 * {@code #{branding}}: the organisation's name, the self-service notice, and how to reach the helpdesk,
 * in the page's language: the administrator's text for it (or for the default language), else the
 * portal's own default text.
 */
@Named("branding")
@RequestScoped
public class PortalBranding {

    @Inject
    FacesContext faces;

    @Inject
    LiveSettings live;

    private AdjustableSettings settings;

    private AdjustableSettings settings() {
        if (settings == null) {
            settings = live.current();
        }
        return settings;
    }

    public String getCompanyName() {
        return text(settings().companyName(), "branding.companyName");
    }

    public boolean isNoticeEnabled() {
        return settings().noticeEnabled();
    }

    public String getNoticeText() {
        return text(settings().noticeText(), "branding.notice");
    }

    public String getHelpdeskText() {
        return text(settings().helpdeskText(), "branding.helpdeskText");
    }

    /** A link to the helpdesk (http or https only, as the settings' rules have it), or empty. */
    public String getHelpdeskUrl() {
        return text(settings().helpdeskUrl(), "branding.helpdeskUrl");
    }

    private String text(Texts texts, String defaultKey) {
        Locale locale = faces.getViewRoot() == null ? Locale.ENGLISH : faces.getViewRoot().getLocale();
        return texts.in(locale).orElseGet(() -> PortalMessages.text(faces, defaultKey));
    }
}
