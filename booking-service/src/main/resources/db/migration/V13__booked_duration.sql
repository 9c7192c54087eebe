-- The duration a client booked (issue 11): at most the slot's length; it sets the session end. Existing bookings
-- booked their whole slot.
ALTER TABLE booking
    ADD COLUMN duration_minutes integer;
UPDATE booking b
   SET duration_minutes = (EXTRACT(EPOCH FROM s.ends_at - s.starts_at) / 60)::integer
  FROM schedule s
 WHERE s.id = b.schedule_id;
ALTER TABLE booking
    ALTER COLUMN duration_minutes SET NOT NULL,
    ADD CONSTRAINT booking_duration_minutes_check CHECK (duration_minutes BETWEEN 1 AND 1440);
