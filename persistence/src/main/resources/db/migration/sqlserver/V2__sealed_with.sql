-- Encryption at rest: which encryption certificate (SHA-256 fingerprint, hex) each stored secret is
-- wrapped to, or 'plain' for a value stored before encryption was on. The re-wrap job finds what it
-- still has to move to the newest certificate by this column; an old certificate can be retired
-- only when no row names it.
ALTER TABLE recovery_key ADD sealed_with NVARCHAR(64);
ALTER TABLE tpm_owner_info ADD sealed_with NVARCHAR(64);
CREATE INDEX ix_recovery_key_sealed_with ON recovery_key (sealed_with);
CREATE INDEX ix_tpm_owner_info_sealed_with ON tpm_owner_info (sealed_with);
