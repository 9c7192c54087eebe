-- Login limits shared by every replica (LoginRateLimiter): one counter per limited key and window, counted by one
-- upsert per attempt. key_hash is the SHA-256 of "client:<address>" or "account:<lower-case e-mail>", so neither
-- an address nor an e-mail is stored. A row whose window has passed is reset by the next attempt or deleted by
-- the purge job, so rows live about one window.
CREATE TABLE login_limit_window (
    key_hash     bytea       PRIMARY KEY CHECK (octet_length(key_hash) = 32),
    attempts     integer     NOT NULL CHECK (attempts > 0),
    window_start timestamptz NOT NULL
);

-- the purge of passed windows
CREATE INDEX ix_login_limit_window_start ON login_limit_window (window_start);
