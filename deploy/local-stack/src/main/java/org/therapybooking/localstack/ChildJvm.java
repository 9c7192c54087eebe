package org.therapybooking.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Starting, awaiting and stopping the JVMs that local runs and tests launch (the Kafka broker, the packaged
 * services): one way for all of them, so a stop is always graceful first and a start never waits forever.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** {@code java} of the running JVM, then {@code args} (JVM options, main class or {@code -jar}, arguments). */
    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts {@code command} with {@code env} added to this JVM's environment, standard output and error appended
     * to {@code log}. Standard input stays a pipe from this JVM: a child that watches it (as {@link BrokerProcess}
     * does) notices when its parent dies.
     */
    public static Process start(List<String> command, Map<String, String> env, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code ready} until it holds; fails when the process exits first or {@code timeout} passes. */
    public static void awaitReady(Process process, BooleanSupplier ready, Duration timeout, String name, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (process.isAlive() && Instant.now().isBefore(deadline)) {
                if (ready.getAsBoolean()) {
                    return;
                }
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        throw new IllegalStateException(process.isAlive() ? name + " not ready within " + timeout + ", see " + log
                : name + " exited early, see " + log);
    }

    /** Graceful: SIGTERM, then SIGKILL if the process has not exited within {@code grace}. */
    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
