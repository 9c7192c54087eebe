package org.therapybooking.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry used by the local run script: {@code LocalKafka <port> <dataDir> <topic[:partitions]>...}.
 * Keeps the broker up until this JVM is stopped (Ctrl-C or the script's exit).
 */
public final class LocalKafka {
    private LocalKafka() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]);
        List<KafkaBroker.Topic> topics = Arrays.stream(args).skip(2).map(KafkaBroker.Topic::parse).toList();
        KafkaBroker broker = KafkaBroker.start(dataDir, port, topics);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers() + " with topics " + topics);
        new CountDownLatch(1).await();
    }
}
