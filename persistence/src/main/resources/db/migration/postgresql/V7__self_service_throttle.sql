-- Self-service lockout: failed key lookups counted per signed-in user (unknown key IDs and other
-- people's alike), shared by every node.
CREATE TABLE self_service_throttle (
    username_key      VARCHAR(256) NOT NULL,
    failures          INTEGER NOT NULL,
    window_started_at TIMESTAMP NOT NULL,
    locked_until      TIMESTAMP NULL,
    CONSTRAINT pk_self_service_throttle PRIMARY KEY (username_key)
);
