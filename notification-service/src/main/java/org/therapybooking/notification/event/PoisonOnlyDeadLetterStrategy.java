package org.therapybooking.notification.event;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * Failure strategy of {@code booking-events} ({@code failure-strategy=poison-dead-letter-queue}): only a
 * {@link PoisonMessageException} goes to the dead-letter topic (the connector's own dead-letter-queue handler,
 * configured by {@code dead-letter-queue.*}). Anything else that reaches the connector (the consumer retries
 * transient failures without limit, so in practice only an interrupted retry at shutdown) stops the channel
 * without committing the record: it is consumed again after the restart rather than dead-lettered.
 */
@ApplicationScoped
@Identifier(PoisonOnlyDeadLetterStrategy.NAME)
public class PoisonOnlyDeadLetterStrategy implements KafkaFailureHandler.Factory {
    public static final String NAME = "poison-dead-letter-queue";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final KafkaFailureHandler.Factory fail;

    PoisonOnlyDeadLetterStrategy(
            @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
            @Identifier(KafkaFailureHandler.Strategy.FAIL) KafkaFailureHandler.Factory fail) {
        this.deadLetterQueue = deadLetterQueue;
        this.fail = fail;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler dlq = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        KafkaFailureHandler stop = fail.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return isPoison(reason) ? dlq.handle(record, reason, metadata) : stop.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                dlq.terminate();
                stop.terminate();
            }
        };
    }

    static boolean isPoison(Throwable reason) {
        for (Throwable t = reason; t != null; t = t.getCause()) {
            if (t instanceof PoisonMessageException) {
                return true;
            }
        }
        return false;
    }
}
