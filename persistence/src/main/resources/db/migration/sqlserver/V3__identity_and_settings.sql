-- Identity: the built-in user store (PBKDF2 password hashes; roles as a comma-separated list) and
-- server-wide settings that administrators change at run time (e.g. that the encryption keystore
-- was backed up).
CREATE TABLE app_user (
    user_id       NVARCHAR(36)  NOT NULL,
    username      NVARCHAR(256) NOT NULL,
    password_hash NVARCHAR(512) NOT NULL,
    roles         NVARCHAR(512) NOT NULL,
    disabled      BIT NOT NULL,
    created_at    DATETIME2(6) NOT NULL,
    CONSTRAINT pk_app_user PRIMARY KEY (user_id),
    CONSTRAINT uq_app_user_username UNIQUE (username)
);

CREATE TABLE keywarden_setting (
    setting_name  NVARCHAR(128)  NOT NULL,
    setting_value NVARCHAR(1000) NOT NULL,
    changed_at    DATETIME2(6) NOT NULL,
    changed_by    NVARCHAR(256)  NOT NULL,
    CONSTRAINT pk_keywarden_setting PRIMARY KEY (setting_name)
);
