package org.therapybooking.notification.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.therapybooking.localstack.FreePorts;
import org.therapybooking.localstack.testing.MeetingLinkStub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stand-in for booking-service's internal token endpoint (a separate service), per its documented contract
 * (docs/api.md "Internal callers"): {@code POST /internal/oauth/token} with HTTP Basic client authentication and
 * {@code grant_type=client_credentials} answers {@code {access_token, token_type, expires_in}}, a service token
 * signed with the test key; wrong credentials get 401. {@link #issued()} are the tokens it gave out, which
 * {@link MeetingLinkStub} requires; {@link #requests()} the form bodies it got.
 */
public class TokenEndpointStub implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "notification-service";
    /** Must match {@code %test.quarkus.oidc-client.credentials.client-secret.value}. */
    public static final String CLIENT_SECRET = "test-only-notification-secret";
    public static final String PATH = "/internal/oauth/token";

    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();
    private static final List<Map<String, String>> REQUESTS = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 50);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext(PATH, TokenEndpointStub::handle);
            server.start();
            // the meeting-link stub then accepts only the tokens this endpoint issued, as the real service would
            MeetingLinkStub.acceptTokens(ISSUED::contains);
        }
        return Map.of("quarkus.oidc-client.auth-server-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        // shared by every application start in this JVM
    }

    public static Set<String> issued() {
        return ISSUED;
    }

    public static List<Map<String, String>> requests() {
        return REQUESTS;
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            REQUESTS.add(form);
            if (!"POST".equals(exchange.getRequestMethod())
                    || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"internal\"");
                respond(exchange, 401, "application/problem+json",
                        "{\"type\":\"urn:therapy-booking:problem:unauthorized\",\"status\":401,\"error\":\"invalid_client\"}");
                return;
            }
            if (!"client_credentials".equals(form.get("grant_type"))) {
                respond(exchange, 400, "application/problem+json",
                        "{\"type\":\"urn:therapy-booking:problem:validation\",\"status\":400,\"error\":\"unsupported_grant_type\"}");
                return;
            }
            String token = Tokens.service(CLIENT_ID, form.getOrDefault("audience", "meeting-link-service"));
            ISSUED.add(token);
            respond(exchange, 200, "application/json",
                    "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
