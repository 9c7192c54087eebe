-- The retention purge (retention/RetentionPurge): each delete finds its rows by an index, so it costs what it
-- removes, not what the tables hold.
CREATE INDEX notification_finished_idx ON notification (updated_at)
    WHERE status IN ('sent', 'failed', 'skipped', 'cancelled');
CREATE INDEX processed_event_processed_at_idx ON processed_event (processed_at);
CREATE INDEX booking_scheduled_at_idx ON booking (scheduled_at);
-- a person's snapshots: the profile update (account.updated) and the purge of profiles nobody refers to
CREATE INDEX booking_client_user_idx ON booking (client_user_id);
CREATE INDEX booking_host_user_idx ON booking (host_user_id);
