-- E-mail verification (issue 12). Accounts from before it count as verified (they have been receiving the
-- practice's emails); new ones are verified by a link, by a password reset or invitation link (which proves the
-- same), or not at all when the practice does not require it.
ALTER TABLE app_user ADD COLUMN email_verified_at timestamptz;
UPDATE app_user SET email_verified_at = created_at;
-- an address change waits here until the link sent to the new address is used
ALTER TABLE app_user ADD COLUMN pending_email varchar(254);

-- password_reset holds every single-use e-mailed link: a password link, or an address link naming the address it
-- verifies (the current one, or the new one of a change)
ALTER TABLE password_reset ADD COLUMN purpose text NOT NULL DEFAULT 'password'
    CHECK (purpose IN ('password', 'email'));
ALTER TABLE password_reset ADD COLUMN email varchar(254);
ALTER TABLE password_reset ADD CONSTRAINT password_reset_email_purpose
    CHECK ((purpose = 'email') = (email IS NOT NULL));
