-- The W3C traceparent of the Kafka record whose event planned the row (null when it came without one): the send
-- runs in a span of that trace, so an email can be followed back to the booking request. Ids only, no personal data.
ALTER TABLE notification ADD COLUMN traceparent varchar(55);
