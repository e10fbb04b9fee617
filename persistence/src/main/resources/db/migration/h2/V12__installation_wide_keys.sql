-- Several nodes on one database. encryption_certificate lists every certificate the installation's records may
-- be sealed to: a node whose encryption keystore lacks one of them refuses to start. It starts with the
-- certificates the stored records name. installation_value holds what every node must agree on: the digest of
-- the enrollment secret (every node accepts the one secret) and the fingerprint of the first node's HTTPS certificate.
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
CREATE TABLE installation_value (
    value_name    VARCHAR(64)  NOT NULL,
    value_text    VARCHAR(200) NOT NULL,
    changed_at    TIMESTAMP NOT NULL,
    CONSTRAINT pk_installation_value PRIMARY KEY (value_name)
);
