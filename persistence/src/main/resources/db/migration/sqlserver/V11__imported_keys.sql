-- Keys imported from Active Directory, MBAM, ConfigMgr or Entra ID belong to a device record per hostname that
-- no agent enrolled: imported_from names the source (NULL for a record an agent enrolled). A PC's agent that
-- rotates an imported key supersedes it, so the key it replaced is found by superseded_by at check-in.
ALTER TABLE device ADD imported_from NVARCHAR(16);
CREATE INDEX ix_recovery_key_superseded_by ON recovery_key (superseded_by);
