-- Several nodes on one database. encryption_certificate lists every certificate the installation's records may
-- be sealed to: a node whose encryption keystore lacks one of them refuses to start. It starts with the
-- certificates the stored records name. installation_secret holds the digest of the enrollment secret, so
-- that every node accepts the same one, whichever node generated or was given it.
CREATE TABLE encryption_certificate (
    fingerprint   VARCHAR(64) NOT NULL,
    registered_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_encryption_certificate PRIMARY KEY (fingerprint)
);
INSERT INTO encryption_certificate (fingerprint, registered_at)
    SELECT fingerprint, CURRENT_TIMESTAMP FROM (
        SELECT DISTINCT sealed_with AS fingerprint FROM recovery_key WHERE sealed_with <> 'plain'
        UNION
        SELECT DISTINCT sealed_with AS fingerprint FROM tpm_owner_info WHERE sealed_with <> 'plain'
    ) sealed;
CREATE TABLE installation_secret (
    secret_name   VARCHAR(64)  NOT NULL,
    digest        VARCHAR(200) NOT NULL,
    changed_at    TIMESTAMP NOT NULL,
    CONSTRAINT pk_installation_secret PRIMARY KEY (secret_name)
);
