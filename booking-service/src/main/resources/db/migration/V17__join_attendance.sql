-- Attendance through the join links (/j/{token}): the first and the last time each side opened the meeting. Null
-- until then. Written by one UPDATE per join (first kept with coalesce), so replicas never race on them.
ALTER TABLE booking
    ADD COLUMN client_joined_at timestamptz,
    ADD COLUMN client_last_joined_at timestamptz,
    ADD COLUMN host_joined_at timestamptz,
    ADD COLUMN host_last_joined_at timestamptz;
