package org.keywarden.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.keywarden.audit.control.AuditEventView;
import org.keywarden.audit.control.AuditPage;
import org.keywarden.audit.control.AuditVerification;
import org.keywarden.audit.control.FindAuditEvents;
import org.keywarden.audit.control.VerifyAuditTrail;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.audit.entity.Outcome;
import org.keywarden.platform.control.InvalidInput;

/**
 * {@code /reports/audit} (report viewers and administrators): the recovery audit with its filters in the
 * URL, 100 events a page, newest first, a link to the next page and to the CSV of everything the filters
 * match; with {@code verify=true} the verification of the whole trail.
 */
@Named
@RequestScoped
public class AuditReportPage {

    static final int PAGE = 100;

    @Inject
    FindAuditEvents find;

    @Inject
    VerifyAuditTrail verify;

    private AuditFilters filters;
    private AuditPage page = new AuditPage(List.of(), null);
    private String invalidField;
    private AuditVerification verification;

    public void load() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        filters = AuditFilters.of(request);
        try {
            page = find.find(filters.query(PAGE, request.getParameter("cursor")));
        } catch (InvalidInput invalid) {
            invalidField = invalid.violations().get(0).field();
        }
        if ("true".equals(request.getParameter("verify"))) {
            verification = verify.verify();
        }
    }

    public List<AuditEventView> getEvents() { return page.events(); }
    public AuditFilters getFilters() { return filters; }
    public String getInvalidField() { return invalidField; }
    public AuditVerification getVerification() { return verification; }
    public AuditSource[] getSources() { return AuditSource.values(); }
    public Outcome[] getOutcomes() { return Outcome.values(); }

    /** The next page's URL (the same filters), or null on the last page. */
    public String getNextQuery() {
        return page.next() == null ? null : query(Map.of("cursor", page.next()));
    }

    /** The filters as a query string, for the CSV link and the next page. */
    public String query(Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", filters.from());
        parameters.put("to", filters.to());
        parameters.put("action", filters.action());
        parameters.put("source", filters.source());
        parameters.put("actor", filters.actor());
        parameters.put("endUser", filters.endUser());
        parameters.put("deviceId", filters.deviceId());
        parameters.put("recoveryKeyId", filters.recoveryKeyId());
        parameters.put("outcome", filters.outcome());
        parameters.putAll(extra);
        return parameters.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public String getCsvQuery() {
        return query(Map.of());
    }

}
