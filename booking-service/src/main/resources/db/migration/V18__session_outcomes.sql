-- Session outcomes: once a session's join window has closed, the attendance job moves a scheduled booking to
-- 'completed' (the client joined through a join link) or 'no_show' (the client never did).
ALTER TABLE booking DROP CONSTRAINT booking_status_check;
ALTER TABLE booking ADD CONSTRAINT booking_status_check
    CHECK (status IN ('scheduled', 'cancelled', 'completed', 'no_show'));
-- When the outcome was recorded, and when the host was told the client is waiting (booking.client_waiting): at
-- most once per booking, because the job sets it in the transaction that writes the event.
ALTER TABLE booking
    ADD COLUMN ended_at timestamptz,
    ADD COLUMN client_waiting_alert_at timestamptz;
