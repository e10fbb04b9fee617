-- Keywarden schema, version 1: devices, volumes, recovery keys, TPM owner information, latest
-- volume status and the hash-chained audit trail. Times are UTC.

CREATE TABLE device (
    device_id          VARCHAR(36)  NOT NULL,
    hostname           VARCHAR(255) NOT NULL,
    domain_name        VARCHAR(256) NOT NULL,
    serial_number      VARCHAR(256),
    os_version         VARCHAR(256),
    enrolled_at        TIMESTAMP NOT NULL,
    last_check_in_at   TIMESTAMP,
    token_hash         VARCHAR(64)  NOT NULL,
    migrated_from_mbam BOOLEAN NOT NULL,
    CONSTRAINT pk_device PRIMARY KEY (device_id),
    CONSTRAINT uq_device_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_device_hostname ON device (hostname);

CREATE TABLE device_user (
    device_user_id VARCHAR(36)  NOT NULL,
    device_id      VARCHAR(36)  NOT NULL,
    principal      VARCHAR(256) NOT NULL,
    source         VARCHAR(16)  NOT NULL,
    first_seen_at  TIMESTAMP NOT NULL,
    last_seen_at   TIMESTAMP NOT NULL,
    CONSTRAINT pk_device_user PRIMARY KEY (device_user_id),
    CONSTRAINT fk_device_user_device FOREIGN KEY (device_id) REFERENCES device (device_id),
    CONSTRAINT uq_device_user UNIQUE (device_id, principal)
);
CREATE INDEX ix_device_user_principal ON device_user (principal);

CREATE TABLE volume (
    volume_id    VARCHAR(36)  NOT NULL,
    device_id    VARCHAR(36)  NOT NULL,
    volume_guid  VARCHAR(36)  NOT NULL,
    volume_type  VARCHAR(16)  NOT NULL,
    drive_letter VARCHAR(256),
    CONSTRAINT pk_volume PRIMARY KEY (volume_id),
    CONSTRAINT fk_volume_device FOREIGN KEY (device_id) REFERENCES device (device_id),
    CONSTRAINT uq_volume_device_guid UNIQUE (device_id, volume_guid)
);

CREATE TABLE recovery_key (
    recovery_key_id       VARCHAR(36) NOT NULL,
    key_id_prefix         VARCHAR(8)  NOT NULL,
    device_id             VARCHAR(36) NOT NULL,
    volume_id             VARCHAR(36) NOT NULL,
    recovery_password     BYTEA NOT NULL,
    key_package           BYTEA,
    state                 VARCHAR(16) NOT NULL,
    escrowed_at           TIMESTAMP NOT NULL,
    disclosed_at          TIMESTAMP,
    rotation_requested_at TIMESTAMP,
    superseded_by         VARCHAR(36),
    superseded_at         TIMESTAMP,
    verified_removed_at   TIMESTAMP,
    CONSTRAINT pk_recovery_key PRIMARY KEY (recovery_key_id),
    CONSTRAINT fk_recovery_key_device FOREIGN KEY (device_id) REFERENCES device (device_id),
    CONSTRAINT fk_recovery_key_volume FOREIGN KEY (volume_id) REFERENCES volume (volume_id)
);
CREATE INDEX ix_recovery_key_prefix ON recovery_key (key_id_prefix);
CREATE INDEX ix_recovery_key_device ON recovery_key (device_id);
CREATE INDEX ix_recovery_key_volume ON recovery_key (volume_id);

CREATE TABLE tpm_owner_info (
    device_id       VARCHAR(36) NOT NULL,
    owner_auth_hash BYTEA NOT NULL,
    reported_at     TIMESTAMP NOT NULL,
    received_at     TIMESTAMP NOT NULL,
    CONSTRAINT pk_tpm_owner_info PRIMARY KEY (device_id),
    CONSTRAINT fk_tpm_owner_info_device FOREIGN KEY (device_id) REFERENCES device (device_id)
);

CREATE TABLE volume_status (
    volume_id            VARCHAR(36) NOT NULL,
    device_id            VARCHAR(36) NOT NULL,
    reported_at          TIMESTAMP NOT NULL,
    received_at          TIMESTAMP NOT NULL,
    encryption_method    VARCHAR(64),
    conversion_status    VARCHAR(64),
    protection_status    VARCHAR(64),
    compliant            BOOLEAN,
    non_compliance_codes VARCHAR(256),
    protectors           VARCHAR(4000),
    CONSTRAINT pk_volume_status PRIMARY KEY (volume_id),
    CONSTRAINT fk_volume_status_volume FOREIGN KEY (volume_id) REFERENCES volume (volume_id)
);
CREATE INDEX ix_volume_status_device ON volume_status (device_id);

CREATE TABLE audit_event (
    event_id        BIGINT        NOT NULL,
    occurred_at     TIMESTAMP NOT NULL,
    actor           VARCHAR(300)  NOT NULL,
    source_address  VARCHAR(64),
    action          VARCHAR(64)   NOT NULL,
    outcome         VARCHAR(16)   NOT NULL,
    device_id       VARCHAR(36),
    volume_guid     VARCHAR(36),
    recovery_key_id VARCHAR(36),
    reason          VARCHAR(1000),
    detail          VARCHAR(1000),
    previous_hash   VARCHAR(64)   NOT NULL,
    event_hash      VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (event_id)
);
CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_device ON audit_event (device_id);

CREATE TABLE audit_head (
    head_id       INTEGER     NOT NULL,
    last_event_id BIGINT      NOT NULL,
    last_hash     VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (head_id)
);
INSERT INTO audit_head (head_id, last_event_id, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
