-- account.email_verification_requested: the link that confirms an address, sent to that address
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
    CHECK (kind IN ('meeting_info', 'reminder', 'cancellation', 'payment_received', 'expired', 'client_waiting',
                    'password_reset', 'password_changed', 'invitation', 'email_verification'));
