-- The booking system of record: accounts, availability slots, bookings, payment webhooks and the outbox.
-- All instants are timestamptz (UTC); user time zones are IANA ids rendered only at the edges.
DROP TABLE IF EXISTS schema_baseline;

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE app_user (
    id            bigserial PRIMARY KEY,
    email         varchar(254) NOT NULL,
    first_name    varchar(100) NOT NULL,
    last_name     varchar(100) NOT NULL,
    password_hash varchar(100) NOT NULL,
    time_zone     varchar(64)  NOT NULL,
    is_admin      boolean      NOT NULL DEFAULT false,
    created_at    timestamptz  NOT NULL
);
-- e-mail addresses are unique regardless of case
CREATE UNIQUE INDEX ux_app_user_email ON app_user (lower(email));

CREATE TABLE schedule (
    id           bigserial PRIMARY KEY,
    therapist_id bigint        NOT NULL REFERENCES app_user (id),
    starts_at    timestamptz   NOT NULL,
    ends_at      timestamptz   NOT NULL,
    capacity     integer       NOT NULL CHECK (capacity >= 1),
    amount       numeric(12,2) NOT NULL CHECK (amount >= 0),
    currency     char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL,
    CHECK (ends_at > starts_at),
    -- one therapist is never in two slots at once, even when two admins write concurrently
    CONSTRAINT schedule_no_overlap EXCLUDE USING gist (therapist_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
);
CREATE INDEX ix_schedule_starts_at ON schedule (starts_at);

CREATE TABLE booking (
    id             bigserial PRIMARY KEY,
    user_id        bigint        NOT NULL REFERENCES app_user (id),
    schedule_id    bigint        NOT NULL REFERENCES schedule (id),
    status         varchar(16)   NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'completed')),
    jitsi_room_id  varchar(128)  NOT NULL UNIQUE,
    jitsi_room_url varchar(512)  NOT NULL,
    notes          varchar(2000),
    amount         numeric(12,2) NOT NULL,
    currency       char(3)       NOT NULL,
    payment_status varchar(16)   NOT NULL CHECK (payment_status IN ('pending', 'succeeded', 'failed', 'refunded')),
    sequence       integer       NOT NULL DEFAULT 0,
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    cancelled_at   timestamptz
);
CREATE INDEX ix_booking_user ON booking (user_id);
CREATE INDEX ix_booking_schedule_active ON booking (schedule_id) WHERE status = 'scheduled';

-- provider event ids already processed: the webhook is idempotent
CREATE TABLE payment_webhook_event (
    provider_event_id varchar(255) PRIMARY KEY,
    event_type        varchar(100) NOT NULL,
    booking_id        bigint,
    received_at       timestamptz  NOT NULL
);

-- transactional outbox: written in the same transaction as the change, relayed to Kafka after commit
CREATE TABLE outbox_event (
    id              bigserial PRIMARY KEY,
    event_id        uuid         NOT NULL UNIQUE,
    event_type      varchar(64)  NOT NULL,
    aggregate_id    bigint       NOT NULL,
    payload         text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      varchar(1000),
    sent_at         timestamptz
);
CREATE INDEX ix_outbox_unsent ON outbox_event (id) WHERE sent_at IS NULL;
-- the relay's per-booking ordering check: "does this booking have an earlier unsent event?"
CREATE INDEX ix_outbox_unsent_by_booking ON outbox_event (aggregate_id, id) WHERE sent_at IS NULL;
