package org.keywarden.audit.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.keywarden.audit.control.AuditPage;
import org.keywarden.audit.control.AuditQuery;
import org.keywarden.audit.control.FindAuditEvents;
import org.keywarden.platform.control.InvalidInput;

/**
 * {@code GET /reports/audit.csv?<the report's filters>} (report viewers and administrators): every event
 * the filters match, newest first, as CSV, fetched a thousand at a time; at most {@value #MAX_ROWS} rows.
 */
@WebServlet("/reports/audit.csv")
public class AuditCsvExport extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_ROWS = 1_000_000;

    @Inject
    FindAuditEvents find;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditFilters filters = AuditFilters.of(request);
        AuditPage page;
        try {
            page = find.find(filters.query(AuditQuery.MAX_LIMIT, null));
        } catch (InvalidInput invalid) {
            response.sendError(400);
            return;
        }
        response.setContentType("text/csv; charset=UTF-8; header=present");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"keywarden-audit.csv\"");
        Writer out = response.getWriter();
        AuditCsv.header(out);
        int rows = 0;
        while (true) {
            AuditCsv.rows(out, page.events());
            rows += page.events().size();
            if (page.next() == null || rows >= MAX_ROWS) {
                break;
            }
            page = find.find(filters.query(AuditQuery.MAX_LIMIT, page.next()));
        }
        out.flush();
    }
}
