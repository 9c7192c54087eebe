package org.therapybooking.booking.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.commons.tracing.TraceParent;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.common.annotation.Identifier;

/**
 * Sends claimed rows to Kafka with an idempotent producer (acks=all, key = aggregate id, headers
 * event_type/event_id, and traceparent when the row was written in a trace) and waits for the broker's
 * acknowledgements. A row written in a trace is sent in a producer span, child of the request's span, whose
 * traceparent is the one the record carries.
 */
@ApplicationScoped
class OutboxPublisher {

    /** What became of one batch: the ids the broker acknowledged, and why each other attempted row failed. */
    record Outcome(List<Long> sent, Map<OutboxRow, String> failed) {
    }

    static final String PUBLISH_SPAN = "booking.events publish";

    private final BookingConfig.Outbox config;
    private final Tracer tracer;
    /** Every {@code kafka.*} property (bootstrap servers, security protocol, SASL, TLS), collected by Quarkus. */
    private final Map<String, Object> kafkaBroker;
    private volatile Producer<String, String> producer;

    OutboxPublisher(BookingConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaBroker,
            Tracer tracer) {
        this.config = config.outbox();
        this.tracer = tracer;
        this.kafkaBroker = kafkaBroker;
    }

    /** Sends the rows in order; a row that cannot be handed to the producer leaves the rest of the batch unsent. */
    Outcome publish(List<OutboxRow> rows) {
        Producer<String, String> kafka = producer();
        Map<OutboxRow, Future<RecordMetadata>> pending = new LinkedHashMap<>();
        Map<OutboxRow, String> failed = new HashMap<>();
        Map<OutboxRow, Span> spans = new HashMap<>();
        for (OutboxRow row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topicOf(row),
                    String.valueOf(row.aggregateId()), row.payload());
            record.headers().add("event_type", row.eventType().getBytes(StandardCharsets.UTF_8));
            record.headers().add("event_id", row.eventId().getBytes(StandardCharsets.UTF_8));
            Span span = publishSpan(row);
            spans.put(row, span);
            TraceParent.of(span).or(() -> Optional.ofNullable(row.traceparent())).ifPresent(
                    traceparent -> record.headers().add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.UTF_8)));
            try {
                pending.put(row, kafka.send(record));
            } catch (RuntimeException e) {
                // typically no metadata because the broker is unreachable
                failed.put(row, e.toString());
                break;
            }
        }
        List<Long> sent = new ArrayList<>();
        long deadline = System.nanoTime() + config.sendTimeout().plus(config.acknowledgementGrace()).toNanos();
        for (Map.Entry<OutboxRow, Future<RecordMetadata>> entry : pending.entrySet()) {
            try {
                entry.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(entry.getKey().id());
                spans.get(entry.getKey()).end();
            } catch (ExecutionException e) {
                failed.put(entry.getKey(), String.valueOf(e.getCause()));
            } catch (TimeoutException e) {
                failed.put(entry.getKey(), "no acknowledgement in time");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.put(entry.getKey(), "interrupted");
            }
        }
        // the reason stays out of the span: broker errors can quote the record
        failed.keySet().forEach(row -> spans.get(row).setStatus(StatusCode.ERROR).end());
        return new Outcome(sent, failed);
    }

    /** Booking events and account events each go to their own topic, keyed by the aggregate's id. */
    private String topicOf(OutboxRow row) {
        return switch (row.aggregateType()) {
            case BOOKING -> config.topic();
            case ACCOUNT -> config.accountTopic();
        };
    }

    /** A producer span in the trace the row was written in; none (an invalid span) for a row written outside one. */
    private Span publishSpan(OutboxRow row) {
        if (row.traceparent() == null) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(PUBLISH_SPAN)
                .setParent(TraceParent.parentContext(row.traceparent()))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topicOf(row))
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.message.id", row.eventId())
                .setAttribute("event_type", row.eventType())
                .startSpan();
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(kafkaBroker, config.sendTimeout()),
                            new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    /**
     * The broker settings as configured (so SASL/TLS apply to the relay as to every other client), with the settings
     * the delivery guarantee depends on (acks=all, idempotence, ordering, timeouts) always the relay's own.
     */
    static Map<String, Object> producerConfig(Map<String, Object> broker, Duration sendTimeout) {
        int timeoutMillis = (int) sendTimeout.toMillis();
        Map<String, Object> props = new HashMap<>(broker);
        props.remove("group.id"); // Quarkus adds the application name for consumers; a producer would warn about it
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "booking-service-outbox");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMillis / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMillis);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(1000, timeoutMillis / 2));
        return props;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(config.acknowledgementGrace());
        }
    }
}
