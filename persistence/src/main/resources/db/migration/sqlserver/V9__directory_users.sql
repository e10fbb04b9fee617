-- Directory sign-in: users the directory vouched for are kept as users of source DIRECTORY (their roles
-- from its groups at their latest sign-in; no password of theirs is stored), with their user principal name.
ALTER TABLE app_user ADD source NVARCHAR(16) NOT NULL CONSTRAINT df_app_user_source DEFAULT 'BUILT_IN';
ALTER TABLE app_user ADD user_principal_name NVARCHAR(256) NULL;
