-- the retention purge of sent events (outbox/OutboxRetention): found by this index, oldest first
CREATE INDEX ix_outbox_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;
