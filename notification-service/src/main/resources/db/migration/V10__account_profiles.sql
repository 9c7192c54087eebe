-- The latest profile of a person as account.updated said it (names, address, zone), with the instant of that
-- event. Booking snapshots take these values, also from a booking event that was written before the change but
-- arrives after it (the two topics are not ordered with each other).
CREATE TABLE person (
    user_id      bigint      PRIMARY KEY,
    first_name   text        NOT NULL,
    last_name    text        NOT NULL,
    email        text        NOT NULL,
    time_zone    text        NOT NULL,
    -- occurred_at of the account event these values come from
    changed_at   timestamptz NOT NULL
);
