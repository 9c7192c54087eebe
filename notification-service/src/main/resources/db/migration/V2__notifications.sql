DROP TABLE schema_baseline;

-- One row per consumed booking event; inserted in the same transaction as the state change it caused, so a
-- redelivered event (same event_id) changes nothing.
CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    event_type   text        NOT NULL,
    booking_id   bigint      NOT NULL,
    processed_at timestamptz NOT NULL
);

-- The latest known state of a booking, as carried by its events: what an email is rendered from at send time.
CREATE TABLE booking (
    booking_id            bigint PRIMARY KEY,
    status                text        NOT NULL,
    scheduled_at          timestamptz NOT NULL,
    duration_minutes      int         NOT NULL,
    jitsi_room_id         text        NOT NULL,
    jitsi_room_url        text        NOT NULL,
    sequence              int         NOT NULL,
    payment_status        text        NOT NULL,
    -- true once meeting-info/reminders were planned (on booking.created or booking.paid, per configuration)
    notifications_planned boolean     NOT NULL DEFAULT false,
    client_user_id        bigint      NOT NULL,
    client_first_name     text        NOT NULL,
    client_last_name      text        NOT NULL,
    client_email          text        NOT NULL,
    client_time_zone      text        NOT NULL,
    host_user_id          bigint      NOT NULL,
    host_first_name       text        NOT NULL,
    host_last_name        text        NOT NULL,
    host_email            text        NOT NULL,
    host_time_zone        text        NOT NULL,
    updated_at            timestamptz NOT NULL
);

-- Outbox of emails to send. The join link is not stored: it is asked from meeting-link-service at send time.
CREATE TABLE notification (
    id              bigserial PRIMARY KEY,
    booking_id      bigint      NOT NULL REFERENCES booking (booking_id),
    recipient_role  text        NOT NULL CHECK (recipient_role IN ('client', 'host')),
    recipient_email text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('meeting_info', 'reminder', 'cancellation')),
    -- reminders: the offset before the session start (ISO-8601 duration) this row was planned for
    reminder_offset text,
    -- the booking.sequence the row was planned for; an updated meeting-info carries the raised value
    sequence        int         NOT NULL,
    is_update       boolean     NOT NULL DEFAULT false,
    due_at          timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'cancelled')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    -- while status = 'sending': the worker's lease; an expired lease (crashed worker) returns the row to pending
    claimed_until   timestamptz,
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- The claim query scans only rows still to send, in due order: its cost grows with what is pending, not with
-- every notification ever stored.
CREATE INDEX notification_pending_due_idx ON notification (due_at) WHERE status = 'pending';
CREATE INDEX notification_sending_lease_idx ON notification (claimed_until) WHERE status = 'sending';
CREATE INDEX notification_booking_idx ON notification (booking_id);
