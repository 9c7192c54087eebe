package org.therapybooking.booking.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.therapybooking.booking.common.BookingConfig;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Moves committed outbox rows to Kafka. Each run claims unsent rows in id order with {@code FOR UPDATE SKIP LOCKED}
 * (several replicas never send the same row at once), skipping any row whose booking still has an earlier unsent
 * row (so per-booking order holds across retries and replicas), sends them with an idempotent producer (acks=all, key =
 * booking id, headers event_type/event_id), waits for the acknowledgements and marks them sent in the same
 * database transaction. Rows whose send fails stay unsent with an exponential backoff.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BookingConfig config;

    @Inject
    Clock clock;

    /** Every {@code kafka.*} property (bootstrap servers, security protocol, SASL, TLS), collected by Quarkus. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaBroker;

    private volatile Producer<String, String> producer;

    private record Row(long id, String eventId, String eventType, long aggregateId, String payload, int attempts) {
    }

    /** One relay at a time per process keeps this process's sends in outbox order. */
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay-wakeup");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    /** The safety net: picks up whatever the after-commit wake-ups missed, and retries failed rows. */
    @Scheduled(every = "${booking.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRun() {
        drain();
    }

    /** Called after a transaction that wrote events commits, so they leave without waiting for the next poll. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWriter.Written written) {
        if (!stopping) {
            wakeUps.execute(this::drain);
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        wakeUps.shutdownNow();
    }

    private void drain() {
        again.set(true);
        while (!stopping && again.get() && running.tryLock()) {
            try {
                again.set(false);
                while (!stopping && relayOnce() == config.outbox().batchSize()) {
                    // a full batch: there may be more right away
                }
            } catch (RuntimeException | SQLException e) {
                LOG.warn("outbox relay run failed; rows stay for the next run", e);
            } finally {
                running.unlock();
            }
        }
    }

    /** One claim-send-mark cycle; returns how many rows were claimed. */
    public int relayOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Row> rows = claim(connection);
                if (!rows.isEmpty()) {
                    publish(connection, rows);
                }
                connection.commit();
                return rows.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private List<Row> claim(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        // A booking's event waits while an earlier event of the same booking is unsent (backing off, or claimed
        // by another replica): events of one booking reach Kafka in the order they were written.
        try (PreparedStatement select = connection.prepareStatement("select o.id, o.event_id, o.event_type, "
                + "o.aggregate_id, o.payload, o.attempts from outbox_event o where o.sent_at is null "
                + "and o.next_attempt_at <= ? and not exists (select 1 from outbox_event earlier "
                + "where earlier.aggregate_id = o.aggregate_id and earlier.sent_at is null and earlier.id < o.id) "
                + "order by o.id limit ? for update of o skip locked")) {
            select.setTimestamp(1, Timestamp.from(clock.instant()));
            select.setInt(2, config.outbox().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getInt(6)));
                }
            }
        }
        return rows;
    }

    private void publish(Connection connection, List<Row> rows) throws SQLException {
        Producer<String, String> kafka = producer();
        Map<Row, Future<RecordMetadata>> pending = new HashMap<>();
        Map<Row, String> failed = new HashMap<>();
        List<Row> attempted = new ArrayList<>();
        for (Row row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(config.outbox().topic(),
                    String.valueOf(row.aggregateId()), row.payload());
            record.headers().add("event_type", row.eventType().getBytes(StandardCharsets.UTF_8));
            record.headers().add("event_id", row.eventId().getBytes(StandardCharsets.UTF_8));
            attempted.add(row);
            try {
                pending.put(row, kafka.send(record));
            } catch (RuntimeException e) {
                // typically no metadata because the broker is unreachable: leave the rest of the batch untouched
                failed.put(row, e.toString());
                break;
            }
        }
        List<Long> sent = new ArrayList<>();
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
        for (Row row : attempted) {
            Future<RecordMetadata> future = pending.get(row);
            if (future == null) {
                continue;
            }
            try {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(row.id());
            } catch (ExecutionException e) {
                failed.put(row, String.valueOf(e.getCause()));
            } catch (TimeoutException e) {
                failed.put(row, "no acknowledgement in time");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.put(row, "interrupted");
            }
        }
        Instant now = clock.instant();
        if (!sent.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "update outbox_event set sent_at = ?, attempts = attempts + 1 where id = any (?)")) {
                Array ids = connection.createArrayOf("bigint", sent.toArray());
                update.setTimestamp(1, Timestamp.from(now));
                update.setArray(2, ids);
                update.executeUpdate();
            }
        }
        for (Map.Entry<Row, String> failure : failed.entrySet()) {
            Row row = failure.getKey();
            try (PreparedStatement update = connection.prepareStatement("update outbox_event set attempts = attempts "
                    + "+ 1, next_attempt_at = ?, last_error = ? where id = ?")) {
                update.setTimestamp(1, Timestamp.from(now.plus(backoff(row.attempts() + 1))));
                String error = failure.getValue();
                update.setString(2, error.length() > 1000 ? error.substring(0, 1000) : error);
                update.setLong(3, row.id());
                update.executeUpdate();
            }
        }
        if (!failed.isEmpty()) {
            LOG.warnf("outbox: %d event(s) sent, %d failed and will be retried", sent.size(), failed.size());
        }
    }

    Duration backoff(int attempts) {
        Duration initial = config.outbox().initialBackoff();
        Duration max = config.outbox().maxBackoff();
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration next = initial.multipliedBy(factor);
        return next.compareTo(max) > 0 ? max : next;
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    private Map<String, Object> producerConfig() {
        return producerConfig(kafkaBroker, config.outbox().sendTimeout());
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
            producer.close(Duration.ofSeconds(5));
        }
    }
}
