package org.therapybooking.localstack.sweep;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.therapybooking.localstack.sweep.BadInputs.Probe;
import org.therapybooking.localstack.sweep.OpenApiOperations.Operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends every probe to a running service and checks the answer: never a 5xx, every 4xx an
 * {@code application/problem+json} body with the same status and no stack trace or exception name (an HTML page
 * where the operation declares {@code text/html} answers, as join links do), and no table of {@code rows} changed
 * by a refused request. A 2xx is allowed (the input happened to be valid) and counted.
 */
public final class BadInputSweep {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LEAK = Pattern.compile("Exception|\\bat (org|java|jdk|io|com)\\.|\\.java:\\d+|"
            + "org\\.hibernate|org\\.postgresql|com\\.fasterxml|io\\.vertx|SQLState|PSQL");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Function<Operation, String> token;
    private final Map<String, String> headers;
    private final Supplier<Map<String, Long>> rows;

    /**
     * @param token   the bearer token for an operation (null: none); anonymous probes never get one
     * @param headers sent with every probe (e.g. a forwarded client address of the sweep's own)
     * @param rows    row counts of the tables a refused request must not change
     */
    public BadInputSweep(URI base, Function<Operation, String> token, Map<String, String> headers,
            Supplier<Map<String, Long>> rows) {
        this.base = base;
        this.token = token;
        this.headers = headers;
        this.rows = rows;
    }

    /** What a sweep tried and found. */
    public record Result(String service, int operations, int tried, Map<Integer, Integer> statuses,
            List<String> accepted, List<String> failures) {

        public String summary() {
            return String.format("bad-input sweep of %s: %d inputs over %d operations; answers by status %s; "
                    + "%d accepted as valid; %d failures", service, tried, operations, statuses, accepted.size(),
                    failures.size());
        }

        /** The summary and the first failures, for an assertion message. */
        public String report() {
            StringBuilder out = new StringBuilder(summary());
            failures.stream().limit(40).forEach(f -> out.append("\n  ").append(f));
            if (failures.size() > 40) {
                out.append("\n  … ").append(failures.size() - 40).append(" more");
            }
            return out.toString();
        }
    }

    public Result run(String service, List<Operation> operations, List<Probe> probes) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> accepted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, Long> before = rows.get();
        for (Probe probe : probes) {
            Answer answer = send(probe);
            Map<String, Long> after = rows.get();
            statuses.merge(answer.status(), 1, Integer::sum);
            String problem = check(probe, answer);
            if (problem == null && answer.status() >= 400 && !Objects.equals(before, after)) {
                problem = "refused with " + answer.status() + " but rows changed: " + before + " -> " + after;
            }
            if (problem != null) {
                failures.add(problem + " — " + probe.describe());
            } else if (answer.status() < 300) {
                accepted.add(answer.status() + " " + probe.describe());
            }
            before = after;
        }
        return new Result(service, operations.size(), probes.size(), statuses, accepted, failures);
    }

    private record Answer(int status, String contentType, String body, String error) {
    }

    private Answer send(Probe probe) {
        URI uri = base.resolve(probe.path() + (probe.query().isEmpty() ? "" : "?" + probe.query()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        String bearer = probe.anonymous() ? null : token.apply(probe.operation());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        if (probe.body() != null && probe.body().length > BadInputs.BODY_LIMIT) {
            return sendOverLimit(probe, uri, bearer);
        }
        request.method(probe.operation().method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), null);
        } catch (IOException e) {
            return new Answer(-1, "", "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A body over the limit, by hand: the headers first, and the body only if no answer came within a few seconds.
     * The service answers 413 from the declared length and closes; writing the body first would race that close
     * (and the JDK client's Expect: 100-continue waits forever for a 100 that a 413 replaces).
     */
    private Answer sendOverLimit(Probe probe, URI uri, String bearer) {
        StringBuilder head = new StringBuilder(probe.operation().method()).append(' ').append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Content-Length: ").append(probe.body().length).append("\r\nConnection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (probe.contentType() != null) {
            head.append("Content-Type: ").append(probe.contentType()).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            socket.setSoTimeout(5_000);
            try {
                in.mark(1);
                if (in.read() < 0) {
                    return new Answer(-1, "", "", "connection closed without an answer");
                }
                in.reset();
            } catch (SocketTimeoutException e) {
                socket.getOutputStream().write(probe.body());
                socket.getOutputStream().flush();
            }
            socket.setSoTimeout(30_000);
            return readAnswer(in);
        } catch (IOException e) {
            return new Answer(-1, "", "", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Answer readAnswer(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        String contentType = "";
        int length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-type")) {
                contentType = value;
            } else if (name.equals("content-length")) {
                length = Integer.parseInt(value);
            }
        }
        byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
        return new Answer(status, contentType, new String(body, StandardCharsets.UTF_8), null);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String check(Probe probe, Answer answer) {
        int status = answer.status();
        if (status < 0) {
            return "no answer (" + answer.error() + ")";
        }
        if (status >= 500) {
            return status + " " + abbreviate(answer.body());
        }
        if (status < 200 || (status >= 300 && status < 400)) {
            return "unexpected status " + status;
        }
        if (LEAK.matcher(answer.body()).find()) {
            return status + " answer names internals: " + abbreviate(answer.body());
        }
        if (status < 300) {
            return null;
        }
        if (probe.operation().answersHtml() && answer.contentType().startsWith("text/html")) {
            return null; // a page for people (checked for internals above), as the operation declares
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return status + " with Content-Type '" + answer.contentType() + "': " + abbreviate(answer.body());
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            if (body.path("status").asInt() != status || !body.path("type").asText().startsWith("urn:therapy-booking:problem:")) {
                return status + " with a problem body that does not match: " + abbreviate(answer.body());
            }
        } catch (IOException e) {
            return status + " problem body is not JSON: " + abbreviate(answer.body());
        }
        return null;
    }

    private static String abbreviate(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
