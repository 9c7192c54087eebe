-- the optional payment hold (UnpaidHoldExpiry): unpaid scheduled bookings by age
CREATE INDEX ix_booking_unpaid_scheduled ON booking (created_at) WHERE status = 'scheduled'
    AND payment_status IN ('pending', 'failed');
