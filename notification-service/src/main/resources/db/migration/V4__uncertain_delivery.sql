-- An SMTP hand-over can end without an answer (timeout, connection lost after the message data was sent): the
-- server may have taken the message. Such a row becomes 'uncertain' and goes out once more after a waiting time,
-- with the same Message-ID; a second unknown outcome ends it as 'failed' (see docs/operations.md, SMTP).
ALTER TABLE notification DROP CONSTRAINT notification_status_check;
ALTER TABLE notification ADD CONSTRAINT notification_status_check
    CHECK (status IN ('pending', 'sending', 'uncertain', 'sent', 'failed', 'skipped', 'cancelled'));
-- set right before the message is handed to the SMTP server; a lease that expires after it is an unknown outcome
ALTER TABLE notification ADD COLUMN handover_at timestamptz;
ALTER TABLE notification ADD COLUMN unconfirmed_handovers int NOT NULL DEFAULT 0;
CREATE INDEX notification_uncertain_idx ON notification (next_attempt_at) WHERE status = 'uncertain';
