-- A plain value opens only in a record whose sealed_with says 'plain'. Records written before V2 (before
-- encryption at rest existed, so all plain) have no sealed_with yet: they say 'plain' from now on.
UPDATE recovery_key SET sealed_with = 'plain' WHERE sealed_with IS NULL;
UPDATE tpm_owner_info SET sealed_with = 'plain' WHERE sealed_with IS NULL;
