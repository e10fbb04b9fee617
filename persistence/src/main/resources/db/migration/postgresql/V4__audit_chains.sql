-- The audit trail becomes 8 hash chains instead of 1, so that events written at the same time (an
-- enrollment wave escrowing keys on several nodes) no longer all wait for one head row's lock. Each
-- chain has its head row (head_id = chain) and its own links; a transaction writes all its events to
-- one chain. Event ids stay unique: chain c hands out ids congruent to c modulo 8, above every
-- existing id. The existing events form chain 1, which continues from its current head.
ALTER TABLE audit_event ADD COLUMN chain_id INTEGER DEFAULT 1 NOT NULL;
CREATE INDEX ix_audit_event_chain ON audit_event (chain_id, event_id);

INSERT INTO audit_head (head_id, last_event_id, last_hash)
    SELECT 2, (last_event_id / 8 + 1) * 8 + 2 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
INSERT INTO audit_head (head_id, last_event_id, last_hash)
    SELECT 3, (last_event_id / 8 + 1) * 8 + 3 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
INSERT INTO audit_head (head_id, last_event_id, last_hash)
    SELECT 4, (last_event_id / 8 + 1) * 8 + 4 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
INSERT INTO audit_head (head_id, last_event_id, last_hash)
    SELECT 5, (last_event_id / 8 + 1) * 8 + 5 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
INSERT INTO audit_head (head_id, last_event_id, last_hash)
    SELECT 6, (last_event_id / 8 + 1) * 8 + 6 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
INSERT INTO audit_head (head_id, last_event_id, last_hash)
    SELECT 7, (last_event_id / 8 + 1) * 8 + 7 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
INSERT INTO audit_head (head_id, last_event_id, last_hash)
    SELECT 8, (last_event_id / 8 + 1) * 8 + 8 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
UPDATE audit_head SET last_event_id = (last_event_id / 8 + 1) * 8 + 1 - 8 WHERE head_id = 1;
