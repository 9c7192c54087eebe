-- Several therapists (issue 12): a role per account. is_admin stays, true for both staff roles, because the original
-- API's frontends read it. The seeded (and any existing) admin is a practice admin.
ALTER TABLE app_user ADD COLUMN role text NOT NULL DEFAULT 'client'
    CHECK (role IN ('client', 'therapist', 'practice_admin'));
UPDATE app_user SET role = 'practice_admin' WHERE is_admin;
ALTER TABLE app_user ADD CONSTRAINT app_user_admin_is_staff CHECK (is_admin = (role <> 'client'));
-- a deactivated staff account cannot sign in; its tokens end (token_version) and its slots are not offered
ALTER TABLE app_user ADD COLUMN deactivated_at timestamptz;
CREATE INDEX ix_schedule_therapist ON schedule (therapist_id, starts_at);
