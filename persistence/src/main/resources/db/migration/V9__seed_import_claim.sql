-- The seed library's one claim row. Every seed import locks it (SELECT ... FOR UPDATE) for its
-- whole run, so imports never overlap, however many instances start together on one database;
-- first_start_done records, in the same transaction as the import's report, that the first-start
-- import finished. A claimant that crashes mid-import loses its lock with its connection, its
-- flag stays false, and the next instance to take the lock finishes the import (it is idempotent
-- by fingerprint). Installations that already imported count as done.
CREATE TABLE seed_claim (
    name             VARCHAR(32) PRIMARY KEY,
    first_start_done BOOLEAN NOT NULL,
    claimed_by       VARCHAR(200),
    claimed_at       TIMESTAMP WITH TIME ZONE
);

INSERT INTO seed_claim (name, first_start_done) SELECT 'seed library', COUNT(*) > 0 FROM seed_import;
