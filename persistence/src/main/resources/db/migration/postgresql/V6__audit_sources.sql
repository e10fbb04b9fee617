-- The recovery audit's filters: where an event came from (AGENT, HELPDESK_PORTAL, SELF_SERVICE, API,
-- SYSTEM) and for which end user a key was recovered. Events written from now on are hashed in version 2,
-- which also covers these fields and the event's chain id (version 1 events keep their hash).
ALTER TABLE audit_event ADD COLUMN source VARCHAR(32) NULL;
ALTER TABLE audit_event ADD COLUMN end_user VARCHAR(256) NULL;
ALTER TABLE audit_event ADD COLUMN hash_version INTEGER DEFAULT 1 NOT NULL;
CREATE INDEX ix_audit_event_newest ON audit_event (occurred_at, event_id);
