-- Keys imported from Active Directory, MBAM, ConfigMgr or Entra ID belong to a device record per hostname that
-- no agent enrolled: imported_from names the source (NULL for a record an agent enrolled).
ALTER TABLE device ADD imported_from NVARCHAR(16);
