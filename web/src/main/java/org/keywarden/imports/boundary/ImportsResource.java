package org.keywarden.imports.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.keywarden.audit.control.Caller;
import org.keywarden.escrow.control.RecoveryPassword;
import org.keywarden.escrow.entity.VolumeType;
import org.keywarden.imports.control.ImportKeys;
import org.keywarden.imports.control.ImportReport;
import org.keywarden.imports.control.ImportSource;
import org.keywarden.imports.control.KeyToImport;
import org.keywarden.platform.boundary.ClientAddress;
import org.keywarden.platform.boundary.FieldError;
import org.keywarden.platform.boundary.JsonBodies;
import org.keywarden.platform.boundary.RequestFields;
import org.keywarden.platform.boundary.RetryOnConflict;

/**
 * {@code POST /api/v1/admin/imports} (administrators): up to {@value #MAX_KEYS} keys per request, each
 * checked as an escrow is; a broken row is reported by index and field and not stored, the others are.
 * 200 with the counts; the answer never holds a secret.
 */
@Path("/v1/admin/imports")
@RequestScoped
public class ImportsResource {

    static final int MAX_KEYS = 1000;
    static final int MAX_KEY_PACKAGE_BYTES = 64 * 1024;

    @Inject
    ImportKeys importKeys;

    @Context
    HttpServletRequest servletRequest;

    /** The answer: counts and refused rows. */
    public record ImportResponse(int imported, int alreadyPresent, int conflicting, List<ImportReport.Rejection> invalid) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportResponse importKeys(InputStream body) {
        JsonObject json = JsonBodies.readObject(body);
        RequestFields fields = new RequestFields(json);
        ImportSource source = fields.oneOf("source", ImportSource.class, true);
        JsonValue keys = json.get("keys");
        if (!(keys instanceof JsonArray rows)) {
            fields.reject("keys", "is required: an array of keys");
        } else if (rows.isEmpty() || rows.size() > MAX_KEYS) {
            fields.reject("keys", "must have 1 to " + MAX_KEYS + " entries");
        }
        fields.throwIfInvalid();
        List<KeyToImport> valid = new ArrayList<>();
        List<ImportReport.Rejection> invalid = new ArrayList<>();
        JsonArray rows = (JsonArray) keys;
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof JsonObject row)) {
                invalid.add(new ImportReport.Rejection(i, "keys[" + i + "]", "must be an object"));
                continue;
            }
            RequestFields rowFields = new RequestFields(row);
            KeyToImport key = parse(i, rowFields);
            if (rowFields.isValid()) {
                valid.add(key);
            } else {
                for (FieldError error : rowFields.errors()) {
                    invalid.add(new ImportReport.Rejection(i, error.field(), error.message()));
                }
            }
        }
        Caller caller = Caller.user(servletRequest.getUserPrincipal().getName(), ClientAddress.of(servletRequest));
        ImportReport report = RetryOnConflict.call(() -> importKeys.importKeys(source, valid, invalid, caller));
        return new ImportResponse(report.imported(), report.alreadyPresent(), report.conflicting(), report.invalid());
    }

    private static KeyToImport parse(int index, RequestFields fields) {
        String hostname = fields.identifier("hostname", true, 255);
        String domain = fields.identifier("domain", false, 256);
        String recoveryKeyId = fields.guid("recoveryKeyId", true);
        String volumeGuid = fields.guid("volumeId", false);
        VolumeType volumeType = fields.oneOf("volumeType", VolumeType.class, false);
        RecoveryPassword password = null;
        String raw = fields.text("recoveryPassword", true, 100);
        if (raw != null) {
            try {
                password = RecoveryPassword.parse(raw);
            } catch (IllegalArgumentException e) {
                fields.reject("recoveryPassword", e.getMessage());
            }
        }
        byte[] keyPackage = fields.base64("keyPackage", false, 1, MAX_KEY_PACKAGE_BYTES);
        var createdAt = fields.time("createdAt", false);
        return new KeyToImport(index, hostname == null ? null : hostname.toUpperCase(Locale.ROOT), domain,
                recoveryKeyId, volumeGuid, volumeType, password, keyPackage, createdAt);
    }
}
