-- Self-service lockout: failed key lookups counted per signed-in user (unknown key IDs and other
-- people's alike), shared by every node.
CREATE TABLE self_service_throttle (
    username_key      NVARCHAR(256) NOT NULL,
    failures          INT NOT NULL,
    window_started_at DATETIME2(6) NOT NULL,
    locked_until      DATETIME2(6) NULL,
    CONSTRAINT pk_self_service_throttle PRIMARY KEY (username_key)
);
