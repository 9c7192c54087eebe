-- booking.paid ("payment received") and booking.expired (released, not paid in time) emails
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('meeting_info', 'reminder', 'cancellation', 'payment_received', 'expired'));
