-- Accounts that can be disabled, sessions that can be revoked, and a lock row that makes
-- "the first account becomes the administrator" hold under concurrent registrations.

-- A sign-in, server side: the session cookie carries a random secret whose SHA-256 is the id,
-- so deleting the row ends the session on every instance at once.
CREATE TABLE account_session (
    id         VARCHAR(64) PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX account_session_account_idx ON account_session (account_id);
CREATE INDEX account_session_expires_idx ON account_session (expires_at);

-- Sessions are rows now; the epoch that ended older cookies is no longer needed.
ALTER TABLE account DROP COLUMN session_epoch;

-- Set by an administrator: the account cannot sign in and its sessions are gone.
ALTER TABLE account ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;

-- Rows locked with SELECT ... FOR UPDATE to serialise rare decisions across instances, e.g.
-- whether a registration is the installation's first (and so its administrator).
CREATE TABLE instance_lock (
    name VARCHAR(40) PRIMARY KEY
);
INSERT INTO instance_lock (name) VALUES ('administrators');
