-- Payments through Stripe: the PaymentIntents created for a booking and the refunds made for it.

-- One row per PaymentIntent known for a booking. attempt numbers the intents this service created (1, 2, ...
-- after a canceled one); it is null for an intent seen only in a webhook (created elsewhere). status is the
-- intent's Stripe status as last seen.
CREATE TABLE payment_intent (
    id          varchar(255) PRIMARY KEY,
    booking_id  bigint       NOT NULL REFERENCES booking (id),
    attempt     integer      CHECK (attempt >= 1),
    status      varchar(32)  NOT NULL CHECK (status IN ('requires_payment_method', 'requires_confirmation',
                    'requires_action', 'processing', 'requires_capture', 'canceled', 'succeeded')),
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    UNIQUE (booking_id, attempt)
);
CREATE INDEX ix_payment_intent_booking ON payment_intent (booking_id);

-- At most one refund per booking (the refund is of the whole amount, made with one idempotency key).
CREATE TABLE payment_refund (
    id                varchar(255) PRIMARY KEY,
    booking_id        bigint       NOT NULL UNIQUE REFERENCES booking (id),
    payment_intent_id varchar(255) NOT NULL,
    status            varchar(32)  NOT NULL CHECK (status IN ('pending', 'requires_action', 'succeeded', 'failed',
                          'canceled')),
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);

