-- Erasure (issue 12): an erased account stays as an anonymous shell (bookings and payment records point at it and
-- are kept for accounting); erased_at says when. Its address becomes erased-<id>@erased.invalid: the reserved
-- .invalid domain can never receive mail.
ALTER TABLE app_user ADD COLUMN erased_at timestamptz;
