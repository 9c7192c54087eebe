-- account.invited: a new staff member's invitation (a set-password link), an account email like the reset link
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('meeting_info', 'reminder', 'cancellation', 'payment_received', 'expired', 'client_waiting',
                    'password_reset', 'password_changed', 'invitation'));
