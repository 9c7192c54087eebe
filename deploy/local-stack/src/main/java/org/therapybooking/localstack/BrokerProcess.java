package org.therapybooking.localstack;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker JVM. It runs {@code kafka.Kafka} and halts as soon as standard input reaches end of
 * file, which happens when the process that started it dies: the broker can never outlive its test run or script.
 */
public final class BrokerProcess {
    private BrokerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // parent still alive: nothing to do
                }
            } catch (IOException ignored) {
                // a broken pipe means the parent is gone, too
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
