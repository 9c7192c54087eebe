package org.therapybooking.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one real KRaft broker per test JVM (shared by every Quarkus application the module's tests start) and
 * points {@code kafka.bootstrap.servers} at it. Init arg {@code topics}: comma-separated {@code name[:partitions]}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DEFAULT_TOPICS = "booking.events:3,booking.events.dlq:1,account.events:3,account.events.dlq:1";

    private static KafkaBroker broker;
    private List<KafkaBroker.Topic> topics;

    @Override
    public void init(Map<String, String> initArgs) {
        topics = Arrays.stream(initArgs.getOrDefault("topics", DEFAULT_TOPICS).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(KafkaBroker.Topic::parse).toList();
    }

    @Override
    public Map<String, String> start() {
        synchronized (KafkaTestResource.class) {
            if (broker == null) {
                broker = KafkaBroker.start(newDataDir(), FreePorts.next(), topics);
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-test-broker-stop"));
            } else {
                broker.restart();
                broker.createTopics(topics);
            }
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        }
    }

    @Override
    public void stop() {
        // the broker outlives one application start so the next test profile reuses it; the JVM hook stops it
    }

    /** The running broker, for tests that stop and restart it (outage scenarios). */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("KafkaTestResource has not started");
        }
        return broker;
    }

    private static Path newDataDir() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "kafka-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
