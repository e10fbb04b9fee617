-- The audit trail becomes 8 hash chains instead of 1, so that events written at the same time (an
-- enrollment wave escrowing keys on several nodes) no longer all wait for one head row's lock. Each
-- chain has its head row and its own links; a transaction writes all its events to one chain. Event
-- ids stay unique: chain c hands out ids congruent to c modulo 8 (the head's id cursor plus 8), above
-- every existing id. The existing events form chain 1, which continues from the old head's hash.
-- The old head table is dropped, so that a node still running the previous version fails to write
-- audit events (its transactions roll back) instead of writing events outside the new chains.
ALTER TABLE audit_event ADD COLUMN chain_id INTEGER DEFAULT 1 NOT NULL;
CREATE INDEX ix_audit_event_chain ON audit_event (chain_id, event_id);

CREATE TABLE audit_chain_head (
    chain_id  INTEGER     NOT NULL,
    id_cursor BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_chain_head PRIMARY KEY (chain_id)
);
INSERT INTO audit_chain_head (chain_id, id_cursor, last_hash)
    SELECT 1, (last_event_id / 8 + 1) * 8 + 1 - 8, last_hash FROM audit_head WHERE head_id = 1;
INSERT INTO audit_chain_head (chain_id, id_cursor, last_hash)
    SELECT 2, (last_event_id / 8 + 1) * 8 + 2 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
INSERT INTO audit_chain_head (chain_id, id_cursor, last_hash)
    SELECT 3, (last_event_id / 8 + 1) * 8 + 3 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
INSERT INTO audit_chain_head (chain_id, id_cursor, last_hash)
    SELECT 4, (last_event_id / 8 + 1) * 8 + 4 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
INSERT INTO audit_chain_head (chain_id, id_cursor, last_hash)
    SELECT 5, (last_event_id / 8 + 1) * 8 + 5 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
INSERT INTO audit_chain_head (chain_id, id_cursor, last_hash)
    SELECT 6, (last_event_id / 8 + 1) * 8 + 6 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
INSERT INTO audit_chain_head (chain_id, id_cursor, last_hash)
    SELECT 7, (last_event_id / 8 + 1) * 8 + 7 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
INSERT INTO audit_chain_head (chain_id, id_cursor, last_hash)
    SELECT 8, (last_event_id / 8 + 1) * 8 + 8 - 8, '0000000000000000000000000000000000000000000000000000000000000000'
    FROM audit_head WHERE head_id = 1;
DROP TABLE audit_head;
