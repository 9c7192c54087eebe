package org.therapybooking.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.therapybooking.localstack.ChildJvm;

/** One replica of a packaged service, started as {@code java -jar quarkus-run.jar} with its environment. */
final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Path jar;
    private final Map<String, String> env;
    private final Path log;
    private volatile Process process;

    ServiceProcess(String name, Path jar, int port, Map<String, String> env, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = env;
        this.log = logDir.resolve(name + ".log");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw install -DskipTests)");
        }
        Map<String, String> environment = new HashMap<>(env);
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            Files.writeString(log, "\n==== start " + Instant.now() + " ====\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = ChildJvm.start(ChildJvm.command("-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()),
                environment, log);
        process = started;
        Processes.track(started.pid(), name, this::stop);
    }

    /** Graceful: SIGTERM, then SIGKILL if it has not exited within a minute. */
    void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        Processes.signal(p.pid(), "CONT");
        ChildJvm.stop(p, Duration.ofSeconds(60));
        Processes.untrack(p.pid());
        process = null;
    }

    /** {@code kill -9}: no shutdown hooks, no graceful anything. */
    void kill9() {
        Process p = process;
        Processes.signal(p.pid(), "KILL");
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Processes.untrack(p.pid());
        process = null;
    }

    boolean ready() {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void awaitReady(Duration timeout) {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException(name + " is not started");
        }
        ChildJvm.awaitReady(p, this::ready, timeout, name, log);
    }
}
