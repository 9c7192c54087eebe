-- Password reset (issue 12). A reset link's token is 32 random bytes; only its SHA-256 is stored, so the table
-- alone cannot reset anyone's password. A token is used once (used_at) and only before expires_at.
CREATE TABLE password_reset (
    id          bigserial   PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES app_user (id),
    token_hash  bytea       NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX ix_password_reset_user ON password_reset (user_id) WHERE used_at IS NULL;
-- the purge of expired and used rows
CREATE INDEX ix_password_reset_expires ON password_reset (expires_at);

-- Raised when the password changes: an access token carries the value it was issued with (claim "tv") and is
-- refused once it is lower than the account's, so a reset ends every session the old password had opened.
ALTER TABLE app_user ADD COLUMN token_version integer NOT NULL DEFAULT 0;

-- Account events (account.events) go through the same outbox as booking events. Order is kept per aggregate:
-- an account's events among themselves, a booking's among themselves (ids of both kinds may coincide).
ALTER TABLE outbox_event ADD COLUMN aggregate_type text NOT NULL DEFAULT 'booking'
    CHECK (aggregate_type IN ('booking', 'account'));
DROP INDEX ix_outbox_unsent_by_booking;
CREATE INDEX ix_outbox_unsent_by_aggregate ON outbox_event (aggregate_type, aggregate_id, id) WHERE sent_at IS NULL;
