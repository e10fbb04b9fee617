package org.keywarden.checkin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.keywarden.checkin.control.CheckIn;
import org.keywarden.checkin.control.DeviceAction;
import org.keywarden.checkin.control.ProtectorReport;
import org.keywarden.checkin.control.StatusReport;
import org.keywarden.checkin.control.UnchangedCheckIn;
import org.keywarden.checkin.control.VolumeReport;
import org.keywarden.config.control.KeywardenSettings;
import org.keywarden.device.boundary.DeviceAuthenticated;
import org.keywarden.escrow.entity.VolumeType;
import org.keywarden.metrics.control.MetricsRegistry;
import org.keywarden.platform.boundary.JsonBodies;
import org.keywarden.platform.boundary.RequestFields;
import org.keywarden.platform.boundary.RetryOnConflict;

/** {@code POST /api/v1/devices/{deviceId}/status}: a device checks in with the status of its volumes. */
@Path("/v1/devices/{deviceId}/status")
@DeviceAuthenticated
@RequestScoped
public class StatusResource {

    static final int MAX_VOLUMES = 64;
    static final int MAX_PROTECTORS = 32;

    @Inject
    UnchangedCheckIn unchangedCheckIn;

    @Inject
    CheckIn checkIn;

    @Inject
    KeywardenSettings settings;

    @Inject
    MetricsRegistry metrics;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ActionsResponse report(@PathParam("deviceId") String deviceId, InputStream body) {
        StatusReport report = parse(new RequestFields(JsonBodies.readObject(body)));
        List<DeviceAction> actions = unchangedCheckIn.answer(deviceId, report)
                .orElseGet(() -> RetryOnConflict.call(() -> checkIn.report(deviceId, report)));
        metrics.count("keywarden_checkins_total");
        for (DeviceAction action : actions) {
            metrics.count("keywarden_checkin_actions_total", "type", action.type());
        }
        return ActionsResponse.of(actions, settings.checkInIntervalMinutes());
    }

    private static StatusReport parse(RequestFields fields) {
        var reportedAt = fields.time("reportedAt", true);
        String osVersion = fields.text("osVersion", false, 256);
        List<String> users = fields.texts("users", 100, 256);
        Set<String> volumeGuids = new HashSet<>();
        List<VolumeReport> volumes = fields.objects("volumes", MAX_VOLUMES, true).stream().map(v -> {
            String guid = v.guid("volumeId", true);
            if (guid != null && !volumeGuids.add(guid)) {
                v.reject("volumeId", "is listed twice");
            }
            return new VolumeReport(guid,
                    v.oneOf("volumeType", VolumeType.class, true),
                    v.identifier("driveLetter", false, 256),
                    v.text("encryptionMethod", false, 64),
                    v.text("conversionStatus", false, 64),
                    v.text("protectionStatus", false, 64),
                    v.optionalFlag("compliant"),
                    v.integers("nonComplianceCodes", 17, 0, 16),
                    protectors(v));
        }).toList();
        fields.throwIfInvalid();
        return new StatusReport(reportedAt, osVersion, users, volumes);
    }

    private static List<ProtectorReport> protectors(RequestFields volume) {
        return volume.objects("protectors", MAX_PROTECTORS, false).stream().map(p -> {
            String id = p.guid("id", true);
            String type = p.text("type", true, 64);
            if (type != null && !type.matches("[A-Za-z0-9_]+")) {
                p.reject("type", "must be a protector type such as RECOVERY_PASSWORD or TPM");
                type = null;
            }
            return new ProtectorReport(id, type == null ? null : type.toUpperCase(Locale.ROOT));
        }).toList();
    }
}
