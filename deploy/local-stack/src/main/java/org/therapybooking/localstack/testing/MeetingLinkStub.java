package org.therapybooking.localstack.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.therapybooking.localstack.FreePorts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A contract stub of meeting-link-service (a separate service) on a real port, for the tests of both its callers:
 * {@code POST /api/meeting-links} and {@code POST /api/meeting-links/batch} answer per the documented contract
 * (docs/meeting-links.md), 400 problem+json for an invalid room, role or participant. Every answer also carries a
 * field the callers do not know ({@link #EXTRA_FIELD}, at the top level and in every link), as a newer version of
 * the service may send.
 *
 * <p>Host links come with a token ({@code moderator_guaranteed}, {@code expires_at} {@link #HOST_TOKEN_GRACE_SECONDS}
 * after the session), as a token-enabled deployment answers; client links without, as on public meet.jit.si.
 *
 * <p>Faults: {@link #down(boolean)} answers 503, {@link #failNext(int)} answers 503 a few times,
 * {@link #stopServer()} closes the port ({@link #startServer()} opens it again, on the same port). One stub per
 * JVM, shared by every application start; tests read what it got ({@link #requests()}, {@link #lastRequest()},
 * {@link #lastResponse()}, {@link #batchCalls()}).
 *
 * <p>As the real service, it answers 401 to a call without a bearer token, and to one whose token the test's
 * check ({@link #acceptTokens(Predicate)}; by default any) refuses; {@link #authorizations()} are the
 * {@code Authorization} headers it got, for the tests to verify the tokens.
 */
public class MeetingLinkStub implements QuarkusTestResourceLifecycleManager {

    /** The Jitsi deployment the stub's links point to. */
    public static final String JITSI_BASE = "https://meet.example.test";

    /** A response field that is not (yet) in the contract. */
    public static final String EXTRA_FIELD = "added_in_a_later_version";

    /** Host tokens of the stub expire this long after the session's end. */
    public static final long HOST_TOKEN_GRACE_SECONDS = 3600;

    private static final Set<String> ROLES = Set.of("client", "host", "observer", "presenter");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "meeting-link-stub");
        t.setDaemon(true);
        return t;
    });
    private static final AtomicBoolean DOWN = new AtomicBoolean();
    private static final AtomicInteger FAIL_NEXT = new AtomicInteger();
    private static final AtomicInteger BATCH_CALLS = new AtomicInteger();
    private static final List<JsonNode> REQUESTS = new CopyOnWriteArrayList<>();
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static volatile Predicate<String> tokenCheck = token -> true;
    private static volatile JsonNode lastRequest;
    private static volatile JsonNode lastResponse;
    private static int port;
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        synchronized (MeetingLinkStub.class) {
            if (port == 0) {
                port = FreePorts.next();
            }
            startServer();
        }
        return Map.of("quarkus.rest-client.meeting-link.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** Opens the port again (the same one) after {@link #stopServer()}. */
    public static synchronized void startServer() {
        if (server != null) {
            return;
        }
        // without TCP_NODELAY the JDK server's small responses wait on delayed ACKs (~40 ms per call)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/meeting-links", MeetingLinkStub::handle);
        server.setExecutor(WORKERS);
        server.start();
    }

    /** Closes the port: the service is not there at all. */
    public static synchronized void stopServer() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** While down, every request gets a 503. */
    public static void down(boolean down) {
        DOWN.set(down);
        FAIL_NEXT.set(0);
    }

    /** The next {@code count} requests get a 503, as from a service that hiccups once under load. */
    public static void failNext(int count) {
        FAIL_NEXT.set(count);
    }

    /** Every single-link request the stub got, in order. */
    public static List<JsonNode> requests() {
        return REQUESTS;
    }

    /** Which bearer tokens the stub accepts (the token without "Bearer "); any by default. */
    public static void acceptTokens(Predicate<String> check) {
        tokenCheck = check;
    }

    /** The {@code Authorization} header of every request, in order ("null" where there was none). */
    public static List<String> authorizations() {
        return AUTHORIZATIONS;
    }

    /** The {@code Authorization} header of the last request, as sent. */
    public static String lastAuthorization() {
        return AUTHORIZATIONS.isEmpty() ? null : AUTHORIZATIONS.get(AUTHORIZATIONS.size() - 1);
    }

    public static int batchCalls() {
        return BATCH_CALLS.get();
    }

    /** The last request, single or batch. */
    public static JsonNode lastRequest() {
        return lastRequest;
    }

    /** The last successful answer as sent. */
    public static JsonNode lastResponse() {
        return lastResponse;
    }

    /** The link the stub gives this participant in this role for this room: what callers must pass on. */
    public static String expectedUrl(String room, String role, String firstName, String lastName) {
        return url(room, role, displayName(role, firstName, lastName));
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean batch = path.equals("/api/meeting-links/batch");
            if (batch) {
                BATCH_CALLS.incrementAndGet();
            }
            if (DOWN.get() || FAIL_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, 503, "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !(batch || path.equals("/api/meeting-links"))) {
                respond(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            AUTHORIZATIONS.add(String.valueOf(authorization));
            if (authorization == null || !authorization.startsWith("Bearer ")
                    || !tokenCheck.test(authorization.substring("Bearer ".length()))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                respond(exchange, 401, "application/problem+json",
                        "{\"type\":\"urn:therapy-booking:problem:unauthorized\",\"title\":\"Unauthorized\",\"status\":401}");
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            lastRequest = request;
            ObjectNode response;
            try {
                if (batch) {
                    ArrayNode links = JSON.createArrayNode();
                    for (JsonNode item : request.path("requests")) {
                        links.add(link(item));
                    }
                    response = JSON.createObjectNode();
                    response.set("links", links);
                    response.put(EXTRA_FIELD, "batch-level value");
                } else {
                    REQUESTS.add(request);
                    response = link(request);
                }
            } catch (RuntimeException e) {
                respond(exchange, 400, "application/problem+json", JSON.writeValueAsString(JSON.createObjectNode()
                        .put("type", "about:blank").put("title", "Bad Request").put("status", 400)
                        .put("detail", e.getMessage())));
                return;
            }
            lastResponse = response;
            respond(exchange, 200, "application/json", JSON.writeValueAsString(response));
        }
    }

    private static ObjectNode link(JsonNode item) {
        String room = item.path("room").asText("");
        String role = item.path("role").asText("");
        JsonNode participant = item.path("participant");
        if (!room.matches("[A-Za-z0-9_-]{1,128}") || !ROLES.contains(role) || !participant.isObject()) {
            throw new IllegalArgumentException("invalid room, role or participant");
        }
        String name = displayName(role, participant.path("first_name").asText(""), participant.path("last_name").asText(""));
        ObjectNode link = JSON.createObjectNode();
        link.put("meeting_url", url(room, role, name));
        link.put("display_name", name);
        link.put("role", role);
        JsonNode session = item.path("session");
        if (role.equals("host") && session.hasNonNull("starts_at")) {
            link.put("moderator_guaranteed", true);
            link.put("expires_at", Instant.parse(session.path("starts_at").asText())
                    .plusSeconds(60L * session.path("duration").asInt() + HOST_TOKEN_GRACE_SECONDS).toString());
        } else {
            link.put("moderator_guaranteed", false);
            link.putNull("expires_at");
        }
        link.put(EXTRA_FIELD, true);
        return link;
    }

    /** The service's default policy: first and last name; without any, the role's fallback (never the e-mail). */
    private static String displayName(String role, String firstName, String lastName) {
        String name = (firstName + " " + lastName).trim();
        if (name.isEmpty()) {
            return role.equals("host") ? "Therapist" : "Client";
        }
        return name;
    }

    private static String url(String room, String role, String displayName) {
        String url = JITSI_BASE + "/" + room + "#userInfo.displayName=%22" + encodeUriComponent(displayName) + "%22";
        return role.equals("host") ? url + "&config.startWithAudioMuted=false&config.startWithVideoMuted=false"
                : url + "&config.prejoinConfig.enabled=true";
    }

    /** JavaScript's encodeURIComponent, as the real service writes names: {@code A-Za-z0-9-_.!~*'()} stay. */
    static String encodeUriComponent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!")
                .replace("%27", "'").replace("%28", "(").replace("%29", ")").replace("%7E", "~");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
