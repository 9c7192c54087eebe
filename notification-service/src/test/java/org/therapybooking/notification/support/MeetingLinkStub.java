package org.therapybooking.notification.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.therapybooking.localstack.FreePorts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stand-in for meeting-link-service (a separate service) implementing its documented contract:
 * {@code POST /api/meeting-links} → {@code meeting_url} with the participant's display name in the fragment,
 * 400 problem+json for an invalid room or role, 401 for a call without a bearer token the token endpoint
 * ({@link TokenEndpointStub}) issued. Tests can take it "down" (503) and read the requests and
 * {@code Authorization} headers it got.
 */
public class MeetingLinkStub implements QuarkusTestResourceLifecycleManager {

    public static final String JITSI = "https://meet.jit.si/";
    private static final Set<String> ROLES = Set.of("client", "host", "observer", "presenter");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicBoolean DOWN = new AtomicBoolean();
    private static final AtomicInteger FAIL_NEXT = new AtomicInteger();
    private static final List<JsonNode> REQUESTS = new CopyOnWriteArrayList<>();
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            // without TCP_NODELAY the JDK server's small responses wait on delayed ACKs (~40 ms per call)
            System.setProperty("sun.net.httpserver.nodelay", "true");
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 50);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/api/meeting-links", MeetingLinkStub::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
        }
        return Map.of("quarkus.rest-client.meeting-link.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        // shared by every application start in this JVM
    }

    public static void down(boolean down) {
        DOWN.set(down);
        FAIL_NEXT.set(0);
    }

    /** The next {@code count} requests get a 503, as from a service that hiccups once under load. */
    public static void failNext(int count) {
        FAIL_NEXT.set(count);
    }

    public static List<JsonNode> requests() {
        return REQUESTS;
    }

    /** The {@code Authorization} header of every link request, in order. */
    public static List<String> authorizations() {
        return AUTHORIZATIONS;
    }

    /** The link the stub gives this person for this room: what the email must contain. */
    public static String expectedUrl(String room, String firstName, String lastName) {
        String name = URLEncoder.encode("\"" + (firstName + " " + lastName).trim() + "\"", StandardCharsets.UTF_8)
                .replace("+", "%20");
        return JITSI + room + "#userInfo.displayName=" + name + "&config.prejoinConfig.enabled=true";
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (DOWN.get() || FAIL_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, 503, "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !"/api/meeting-links".equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            AUTHORIZATIONS.add(String.valueOf(authorization));
            if (authorization == null || !authorization.startsWith("Bearer ")
                    || !TokenEndpointStub.issued().contains(authorization.substring("Bearer ".length()))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                respond(exchange, 401, "application/problem+json",
                        "{\"type\":\"urn:therapy-booking:problem:unauthorized\",\"title\":\"Unauthorized\",\"status\":401}");
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            REQUESTS.add(request);
            String room = request.path("room").asText("");
            String role = request.path("role").asText("");
            JsonNode participant = request.path("participant");
            if (!room.matches("[A-Za-z0-9_-]{1,128}") || !ROLES.contains(role) || !participant.isObject()) {
                respond(exchange, 400, "application/problem+json",
                        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"invalid room, role or participant\"}");
                return;
            }
            String first = participant.path("first_name").asText("");
            String last = participant.path("last_name").asText("");
            ObjectNode response = JSON.createObjectNode();
            response.put("meeting_url", expectedUrl(room, first, last));
            response.put("display_name", (first + " " + last).trim());
            response.put("role", role);
            response.put("moderator_guaranteed", false);
            response.putNull("expires_at");
            respond(exchange, 200, "application/json", JSON.writeValueAsString(response));
        }
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
