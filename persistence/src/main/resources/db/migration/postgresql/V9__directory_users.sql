-- Directory sign-in: users the directory vouched for are kept as users of source DIRECTORY (their roles
-- from its groups at their latest sign-in; no password of theirs is stored), with their user principal name.
ALTER TABLE app_user ADD source VARCHAR(16) DEFAULT 'BUILT_IN' NOT NULL;
ALTER TABLE app_user ADD user_principal_name VARCHAR(256) NULL;
