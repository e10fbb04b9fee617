-- Keywarden schema, version 1: devices, volumes, recovery keys, TPM owner information, latest
-- volume status and the hash-chained audit trail. Times are UTC.

CREATE TABLE device (
    device_id          NVARCHAR(36)  NOT NULL,
    hostname           NVARCHAR(255) NOT NULL,
    domain_name        NVARCHAR(256) NOT NULL,
    serial_number      NVARCHAR(256),
    os_version         NVARCHAR(256),
    enrolled_at        DATETIME2(6) NOT NULL,
    last_check_in_at   DATETIME2(6),
    token_hash         NVARCHAR(64)  NOT NULL,
    migrated_from_mbam BIT NOT NULL,
    CONSTRAINT pk_device PRIMARY KEY (device_id),
    CONSTRAINT uq_device_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_device_hostname ON device (hostname);

CREATE TABLE device_user (
    device_user_id NVARCHAR(36)  NOT NULL,
    device_id      NVARCHAR(36)  NOT NULL,
    principal      NVARCHAR(256) NOT NULL,
    source         NVARCHAR(16)  NOT NULL,
    first_seen_at  DATETIME2(6) NOT NULL,
    last_seen_at   DATETIME2(6) NOT NULL,
    CONSTRAINT pk_device_user PRIMARY KEY (device_user_id),
    CONSTRAINT fk_device_user_device FOREIGN KEY (device_id) REFERENCES device (device_id),
    CONSTRAINT uq_device_user UNIQUE (device_id, principal)
);
CREATE INDEX ix_device_user_principal ON device_user (principal);

CREATE TABLE volume (
    volume_id    NVARCHAR(36)  NOT NULL,
    device_id    NVARCHAR(36)  NOT NULL,
    volume_guid  NVARCHAR(36)  NOT NULL,
    volume_type  NVARCHAR(16)  NOT NULL,
    drive_letter NVARCHAR(256),
    CONSTRAINT pk_volume PRIMARY KEY (volume_id),
    CONSTRAINT fk_volume_device FOREIGN KEY (device_id) REFERENCES device (device_id),
    CONSTRAINT uq_volume_device_guid UNIQUE (device_id, volume_guid)
);

CREATE TABLE recovery_key (
    recovery_key_id       NVARCHAR(36) NOT NULL,
    key_id_prefix         NVARCHAR(8)  NOT NULL,
    device_id             NVARCHAR(36) NOT NULL,
    volume_id             NVARCHAR(36) NOT NULL,
    recovery_password     VARBINARY(MAX) NOT NULL,
    key_package           VARBINARY(MAX),
    state                 NVARCHAR(16) NOT NULL,
    escrowed_at           DATETIME2(6) NOT NULL,
    disclosed_at          DATETIME2(6),
    rotation_requested_at DATETIME2(6),
    superseded_by         NVARCHAR(36),
    superseded_at         DATETIME2(6),
    verified_removed_at   DATETIME2(6),
    CONSTRAINT pk_recovery_key PRIMARY KEY (recovery_key_id),
    CONSTRAINT fk_recovery_key_device FOREIGN KEY (device_id) REFERENCES device (device_id),
    CONSTRAINT fk_recovery_key_volume FOREIGN KEY (volume_id) REFERENCES volume (volume_id)
);
CREATE INDEX ix_recovery_key_prefix ON recovery_key (key_id_prefix);
CREATE INDEX ix_recovery_key_device ON recovery_key (device_id);
CREATE INDEX ix_recovery_key_volume ON recovery_key (volume_id);

CREATE TABLE tpm_owner_info (
    device_id       NVARCHAR(36) NOT NULL,
    owner_auth_hash VARBINARY(MAX) NOT NULL,
    reported_at     DATETIME2(6) NOT NULL,
    received_at     DATETIME2(6) NOT NULL,
    CONSTRAINT pk_tpm_owner_info PRIMARY KEY (device_id),
    CONSTRAINT fk_tpm_owner_info_device FOREIGN KEY (device_id) REFERENCES device (device_id)
);

CREATE TABLE volume_status (
    volume_id            NVARCHAR(36) NOT NULL,
    device_id            NVARCHAR(36) NOT NULL,
    reported_at          DATETIME2(6) NOT NULL,
    received_at          DATETIME2(6) NOT NULL,
    encryption_method    NVARCHAR(64),
    conversion_status    NVARCHAR(64),
    protection_status    NVARCHAR(64),
    compliant            BIT,
    non_compliance_codes NVARCHAR(256),
    protectors           NVARCHAR(4000),
    CONSTRAINT pk_volume_status PRIMARY KEY (volume_id),
    CONSTRAINT fk_volume_status_volume FOREIGN KEY (volume_id) REFERENCES volume (volume_id)
);
CREATE INDEX ix_volume_status_device ON volume_status (device_id);

CREATE TABLE audit_event (
    event_id        BIGINT        NOT NULL,
    occurred_at     DATETIME2(6) NOT NULL,
    actor           NVARCHAR(300)  NOT NULL,
    source_address  NVARCHAR(64),
    action          NVARCHAR(64)   NOT NULL,
    outcome         NVARCHAR(16)   NOT NULL,
    device_id       NVARCHAR(36),
    volume_guid     NVARCHAR(36),
    recovery_key_id NVARCHAR(36),
    reason          NVARCHAR(1000),
    detail          NVARCHAR(1000),
    previous_hash   NVARCHAR(64)   NOT NULL,
    event_hash      NVARCHAR(64)   NOT NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (event_id)
);
CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_device ON audit_event (device_id);

CREATE TABLE audit_head (
    head_id       INTEGER     NOT NULL,
    last_event_id BIGINT      NOT NULL,
    last_hash     NVARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (head_id)
);
INSERT INTO audit_head (head_id, last_event_id, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
