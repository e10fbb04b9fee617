-- Sign-in lockout: failed sign-ins counted per user name (whether or not such a user exists, so the
-- answer tells nothing), shared by every node; and when each user last signed in.
CREATE TABLE sign_in_throttle (
    username_key      NVARCHAR(256) NOT NULL,
    failures          INT NOT NULL,
    window_started_at DATETIME2(6) NOT NULL,
    locked_until      DATETIME2(6) NULL,
    CONSTRAINT pk_sign_in_throttle PRIMARY KEY (username_key)
);

ALTER TABLE app_user ADD last_sign_in_at DATETIME2(6) NULL;
