package org.keywarden.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.keywarden.audit.boundary.AuditResource;
import org.keywarden.checkin.boundary.ActionsResource;
import org.keywarden.checkin.boundary.StatusResource;
import org.keywarden.crypto.boundary.CertificatesResource;
import org.keywarden.crypto.boundary.EncryptionResource;
import org.keywarden.crypto.boundary.RewrapResource;
import org.keywarden.device.boundary.DeviceAuthentication;
import org.keywarden.disclosure.boundary.DisclosuresResource;
import org.keywarden.disclosure.boundary.TpmDisclosuresResource;
import org.keywarden.disclosure.boundary.KeySearchResource;
import org.keywarden.device.boundary.DevicesResource;
import org.keywarden.escrow.boundary.RecoveryKeysResource;
import org.keywarden.escrow.boundary.TpmResource;
import org.keywarden.health.boundary.HealthResource;
import org.keywarden.identity.boundary.UsersResource;
import org.keywarden.rotation.boundary.RotationResource;

/**
 * The device and admin REST API, under {@code /api}; version 1 lives at {@code /api/v1}. Its
 * classes are listed, not scanned, so that no provider from a library (EclipseLink's MOXy JSON
 * provider, say) takes part in reading or writing our messages.
 */
@ApplicationPath("/api")
public class KeywardenApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                DevicesResource.class,
                HealthResource.class,
                org.keywarden.health.boundary.ReadinessResource.class,
                org.keywarden.metrics.boundary.MetricsResource.class,
                org.keywarden.backup.boundary.BackupsResource.class,
                org.keywarden.metrics.boundary.RequestMetrics.class,
                RecoveryKeysResource.class,
                TpmResource.class,
                StatusResource.class,
                ActionsResource.class,
                EncryptionResource.class,
                KeySearchResource.class,
                DisclosuresResource.class,
                TpmDisclosuresResource.class,
                RewrapResource.class,
                CertificatesResource.class,
                UsersResource.class,
                RotationResource.class,
                org.keywarden.imports.boundary.ImportsResource.class,
                org.keywarden.device.boundary.DeviceUsersResource.class,
                org.keywarden.settings.boundary.SettingsResource.class,
                AuditResource.class,
                DeviceAuthentication.class,
                BodySizeLimit.class,
                CrossSiteRequestGuard.class,
                SharedJsonb.class,
                ProblemExceptionMapper.class,
                IntegrityFailureMapper.class,
                RetiredCertificateMapper.class,
                RefusalMappers.InvalidInputMapper.class,
                RefusalMappers.NotPermittedMapper.class,
                RefusalMappers.AccessDeniedMapper.class,
                RefusalMappers.ConflictMapper.class,
                RefusalMappers.NotFoundMapper.class,
                RefusalMappers.TooManyRequestsMapper.class,
                WebApplicationExceptionMapper.class,
                UnexpectedExceptionMapper.class);
    }
}
