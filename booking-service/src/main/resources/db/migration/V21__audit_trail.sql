-- Audit trail (issue 12): which staff member read or changed which client's data, when. Append-only: a trigger
-- refuses every UPDATE and DELETE, except the retention purge, which says so with SET LOCAL audit.purge = 'on'.
CREATE TABLE audit_event (
    id               bigserial   PRIMARY KEY,
    occurred_at      timestamptz NOT NULL,
    actor_user_id    bigint      NOT NULL,
    action           text        NOT NULL,
    -- the people whose data the action showed or changed (clients); empty when none
    subject_user_ids bigint[]    NOT NULL DEFAULT '{}',
    booking_id       bigint,
    -- what was asked (filters, reason given), never the data shown
    detail           text
);
CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_subjects ON audit_event USING gin (subject_user_ids);
CREATE INDEX ix_audit_event_actor ON audit_event (actor_user_id, occurred_at);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('audit.purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
