-- booking.client_waiting: the "your client is waiting" email to the host; the client's first join is shown in it.
-- booking.completed / booking.no_show only change the snapshot's status (no_show is a new status value).
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('meeting_info', 'reminder', 'cancellation', 'payment_received', 'expired', 'client_waiting'));
ALTER TABLE booking ADD COLUMN client_joined_at timestamptz;
-- Until when the client may cancel or move the booking themselves (from the events), said in the emails.
ALTER TABLE booking
    ADD COLUMN cancellable_until timestamptz,
    ADD COLUMN reschedulable_until timestamptz;
