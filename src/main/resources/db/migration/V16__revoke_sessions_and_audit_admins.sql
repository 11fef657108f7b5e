-- Sessions (issue 17): short-lived access tokens (JWT, with a jti) plus refresh tokens.
--
-- The ids of access tokens revoked before they expire (logout). Every instance checks each
-- authenticated request against this table, so a logout on one instance holds on all of them; a
-- row is useless once its token has expired and a timer deletes it then.
CREATE TABLE revoked_tokens (
    jti        varchar(64) PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_tokens_expires_idx ON revoked_tokens (expires_at);

-- Refresh tokens: opaque random values, stored only as their SHA-256. Each one is used once: a
-- refresh marks it used (a conditional update) and issues the next one of the same family. A used
-- token presented again means it was copied: the whole family is revoked. Logout revokes the
-- family too.
CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES users (id),
    token_hash  bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);

-- What operators did: who did what to whom and why, written in the transaction of the action itself
-- (an action that rolls back leaves no entry). Append-only.
CREATE TABLE admin_audit (
    id          uuid PRIMARY KEY,
    at          timestamptz  NOT NULL,
    admin_id    uuid         NOT NULL REFERENCES users (id),
    action      varchar(64)  NOT NULL,
    target_type varchar(32)  NOT NULL,
    target_id   varchar(100) NOT NULL,
    details     text
);
CREATE INDEX admin_audit_at_idx ON admin_audit (at DESC, id DESC);
