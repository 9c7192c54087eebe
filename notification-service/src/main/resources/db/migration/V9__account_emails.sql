-- Account emails (issue 12): password reset links and "your password was changed", from account.events. They
-- belong to no booking; they go to the account holder (recipient_role 'account'), whose name and zone the row
-- keeps, as the booking snapshot does for booking emails.
ALTER TABLE notification ALTER COLUMN booking_id DROP NOT NULL;
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('meeting_info', 'reminder', 'cancellation', 'payment_received', 'expired', 'client_waiting',
                    'password_reset', 'password_changed'));
ALTER TABLE notification DROP CONSTRAINT notification_recipient_role_check;
ALTER TABLE notification ADD CONSTRAINT notification_recipient_role_check
    CHECK (recipient_role IN ('client', 'host', 'account'));
ALTER TABLE notification
    ADD COLUMN user_id             bigint,
    ADD COLUMN recipient_name      text,
    ADD COLUMN recipient_time_zone text,
    -- the link the email carries (a reset link holds a secret token): kept only until the row is finished
    ADD COLUMN action_url          text,
    ADD COLUMN action_expires_at   timestamptz,
    ADD CONSTRAINT notification_booking_or_account CHECK (
        (booking_id IS NOT NULL AND recipient_role IN ('client', 'host'))
        OR (booking_id IS NULL AND recipient_role = 'account' AND user_id IS NOT NULL));
CREATE INDEX notification_user_idx ON notification (user_id) WHERE user_id IS NOT NULL;

ALTER TABLE processed_event ALTER COLUMN booking_id DROP NOT NULL;
