package org.therapybooking.localstack.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The operations a service publishes in its own OpenAPI document, with their parameters and body schemas. */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiOperations() {
    }

    /** A path or query parameter. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One method on one path; {@code body} is the resolved JSON schema of the request body, or null;
     * {@code answersHtml}: a page for browsers, whose refusals are HTML pages rather than problem+json.
     */
    public record Operation(String method, String path, List<Parameter> parameters, JsonNode body,
            boolean answersHtml) {

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Reads {@code <base>/q/openapi?format=json}. */
    public static List<Operation> fetch(URI base) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + response.statusCode());
            }
            return parse(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static List<Operation> parse(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Parameter> shared = parameters(document, path.getValue().path("parameters"));
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                Map<String, Parameter> byName = new LinkedHashMap<>();
                shared.forEach(p -> byName.put(p.in() + ":" + p.name(), p));
                parameters(document, method.getValue().path("parameters")).forEach(p -> byName.put(p.in() + ":" + p.name(), p));
                JsonNode content = method.getValue().path("requestBody").path("content");
                JsonNode body = null;
                if (content.has("application/json")) {
                    body = resolve(document, content.path("application/json").path("schema"), 0);
                }
                boolean answersHtml = false;
                for (JsonNode response : method.getValue().path("responses")) {
                    answersHtml |= response.path("content").has("text/html");
                }
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(byName.values()), body, answersHtml));
            }
        }
        return operations;
    }

    private static List<Parameter> parameters(JsonNode document, JsonNode list) {
        List<Parameter> out = new ArrayList<>();
        for (JsonNode p : list) {
            JsonNode resolved = p.has("$ref") ? resolve(document, p, 0) : p;
            out.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                    resolved.path("required").asBoolean(false), resolve(document, resolved.path("schema"), 0)));
        }
        return out;
    }

    /** The schema with every {@code $ref} replaced by its target (cycles cut at depth 8). */
    static JsonNode resolve(JsonNode document, JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return JSON.createObjectNode();
        }
        if (schema.has("$ref")) {
            JsonNode target = document;
            for (String part : schema.path("$ref").asText().replaceFirst("^#/", "").split("/")) {
                target = target.path(part);
            }
            return resolve(document, target, depth + 1);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = schema.deepCopy();
        if (schema.has("properties")) {
            ObjectNode properties = JSON.createObjectNode();
            schema.path("properties").fields()
                    .forEachRemaining(e -> properties.set(e.getKey(), resolve(document, e.getValue(), depth + 1)));
            copy.set("properties", properties);
        }
        if (schema.has("items")) {
            copy.set("items", resolve(document, schema.path("items"), depth + 1));
        }
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combiner)) {
                // the first alternative with properties stands for the whole (enough to find fields to break)
                for (JsonNode part : schema.path(combiner)) {
                    JsonNode resolved = resolve(document, part, depth + 1);
                    if (resolved.has("properties") || resolved.has("type")) {
                        copy.setAll((ObjectNode) resolved);
                    }
                }
                copy.remove(combiner);
            }
        }
        return copy;
    }

    /** The schema's type, the first non-null one when it lists several (OpenAPI 3.1). */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (type.isMissingNode()) {
            return schema.has("properties") ? "object" : "string";
        }
        return type.asText();
    }
}
