-- The W3C traceparent of the request that wrote the event (null when tracing is off): the relay sends it as the
-- Kafka header "traceparent", so the consumer's work joins the request's trace. Ids only, no personal data.
ALTER TABLE outbox_event ADD COLUMN traceparent varchar(55);
