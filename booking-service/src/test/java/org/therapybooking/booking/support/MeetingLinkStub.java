package org.therapybooking.booking.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.therapybooking.localstack.FreePorts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A contract stub of meeting-link-service (a separate service, out of this module) on a real port:
 * {@code POST /api/meeting-links/batch} answers per the documented contract (docs/meeting-links.md), plus fields
 * this client does not know ({@link #EXTRA_FIELD}, at the top level and in every link), as a newer version of the
 * service may send. {@link #stop()} closes the port to simulate the service being down; {@link #start()} brings
 * it back on the same port. Host links come with a token ({@code moderator_guaranteed}, {@code expires_at}),
 * client links without. {@link #lastRequest()} and {@link #lastResponse()} are the last batch request and
 * answer. As the real service, it answers 401 to a call without a bearer token; {@link #lastAuthorization()} is
 * the last {@code Authorization} header it got (the tests verify the token).
 */
public class MeetingLinkStub implements QuarkusTestResourceLifecycleManager {

    public static final String JITSI_BASE = "https://meet.example.test";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A response field that is not (yet) in the contract. */
    public static final String EXTRA_FIELD = "added_in_a_later_version";

    /** Host tokens of the stub expire this long after the session's end. */
    public static final long HOST_TOKEN_GRACE_SECONDS = 3600;

    private static final AtomicInteger BATCH_CALLS = new AtomicInteger();
    private static volatile JsonNode lastRequest;
    private static volatile JsonNode lastResponse;
    private static volatile String lastAuthorization;
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

    public static synchronized void startServer() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/meeting-links/batch", exchange -> {
            BATCH_CALLS.incrementAndGet();
            byte[] response;
            int status = 200;
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastAuthorization = authorization;
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                byte[] body = "{\"status\":401,\"title\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                exchange.sendResponseHeaders(401, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            try {
                JsonNode request = JSON.readTree(exchange.getRequestBody());
                lastRequest = request;
                ArrayNode links = JSON.createArrayNode();
                for (JsonNode item : request.path("requests")) {
                    links.add(link(item));
                }
                ObjectNode body = JSON.createObjectNode();
                body.set("links", links);
                body.put(EXTRA_FIELD, "batch-level value");
                response = JSON.writeValueAsBytes(body);
                lastResponse = body;
            } catch (RuntimeException e) {
                status = 400;
                response = ("{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"" + e.getMessage() + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json"
                    : "application/problem+json");
            exchange.sendResponseHeaders(status, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        });
        server.start();
    }

    public static synchronized void stopServer() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public static int batchCalls() {
        return BATCH_CALLS.get();
    }

    /** The {@code Authorization} header of the last batch call, as sent. */
    public static String lastAuthorization() {
        return lastAuthorization;
    }

    public static JsonNode lastRequest() {
        return lastRequest;
    }

    /** The last successful batch answer as sent. */
    public static JsonNode lastResponse() {
        return lastResponse;
    }

    private static ObjectNode link(JsonNode item) {
        String room = item.path("room").asText();
        if (!room.matches("[A-Za-z0-9_-]{1,128}")) {
            throw new IllegalArgumentException("bad room " + room);
        }
        JsonNode participant = item.path("participant");
        String role = item.path("role").asText();
        String name = (participant.path("first_name").asText() + " " + participant.path("last_name").asText()).trim();
        if (name.isEmpty()) {
            // the service's default: no e-mail fallback, the role's fallback name
            name = role.equals("host") ? "Therapist" : "Client";
        }
        String url = JITSI_BASE + "/" + room + "#userInfo.displayName=%22" + encodeUriComponent(name) + "%22";
        if (role.equals("host")) {
            url += "&config.startWithAudioMuted=false&config.startWithVideoMuted=false";
        } else {
            url += "&config.prejoinConfig.enabled=true";
        }
        ObjectNode link = JSON.createObjectNode();
        link.put("meeting_url", url);
        link.put("display_name", name);
        link.put("role", role);
        // as a token-enabled deployment (JaaS) would answer for hosts: a token makes them moderators until its
        // expiry, one hour after the session; clients get no token (and no guarantee), as on public meet.jit.si
        if (role.equals("host")) {
            JsonNode session = item.path("session");
            link.put("moderator_guaranteed", true);
            link.put("expires_at", java.time.Instant.parse(session.path("starts_at").asText())
                    .plusSeconds(60L * session.path("duration").asInt() + HOST_TOKEN_GRACE_SECONDS).toString());
        } else {
            link.put("moderator_guaranteed", false);
            link.putNull("expires_at");
        }
        link.put(EXTRA_FIELD, true);
        return link;
    }

    /** JavaScript's encodeURIComponent, as the real service writes names: {@code A-Za-z0-9-_.!~*'()} stay. */
    static String encodeUriComponent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!")
                .replace("%27", "'").replace("%28", "(").replace("%29", ")").replace("%7E", "~");
    }
}
