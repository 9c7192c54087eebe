package org.therapybooking.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON Schemas of custom resources, taken from the openAPIV3Schema of their CRDs (src/test/resources/schemas).
 *
 * <p>The conversion applies what the API server does with a structural schema under strict field validation: an
 * object schema that lists {@code properties} and does not set {@code x-kubernetes-preserve-unknown-fields} admits
 * no other field; {@code x-kubernetes-int-or-string} admits an integer or a string; {@code nullable} admits null.
 */
final class CrdSchemas {

    private static final List<String> CRD_RESOURCES = List.of(
            "/schemas/strimzi/kafka.yaml",
            "/schemas/strimzi/kafkanodepool.yaml",
            "/schemas/strimzi/kafkatopic.yaml",
            "/schemas/strimzi/kafkauser.yaml",
            "/schemas/cnpg/clusters.yaml",
            "/schemas/cnpg/scheduledbackups.yaml",
            "/schemas/barman-cloud/objectstores.yaml",
            "/schemas/gateway-api/gateways.yaml",
            "/schemas/gateway-api/httproutes.yaml",
            "/schemas/prometheus-operator/servicemonitors.yaml",
            "/schemas/prometheus-operator/podmonitors.yaml",
            "/schemas/prometheus-operator/prometheusrules.yaml");

    /**
     * Formats the API server checks and the JSON Schema validator checks the same way. Others are dropped: the
     * validator's "duration" is ISO 8601, Kubernetes' is Go's ("30s"), and "uri"/"hostname" differ in details.
     */
    private static final Set<String> CHECKED_FORMATS = Set.of("date-time", "int32", "int64", "ipv4", "ipv6", "uuid");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    /** key: group/version/kind */
    private final Map<String, JsonSchema> schemas = new HashMap<>();
    /** the CRD's own openAPIV3Schema (with its CEL rules and defaults), same keys */
    private final Map<String, JsonNode> openApiSchemas = new HashMap<>();
    private final CelRules celRules = new CelRules();

    CrdSchemas() {
        for (String resource : CRD_RESOURCES) {
            for (Manifest crd : Manifest.parseAll(read(resource))) {
                JsonNode spec = crd.spec();
                String group = spec.path("group").asText();
                String kind = spec.path("names").path("kind").asText();
                for (JsonNode version : spec.path("versions")) {
                    JsonNode openApi = version.path("schema").path("openAPIV3Schema");
                    if (openApi.isMissingNode() || !version.path("served").asBoolean(true)) {
                        continue;
                    }
                    String key = key(group, version.path("name").asText(), kind);
                    schemas.put(key, FACTORY.getSchema(toJsonSchema(openApi)));
                    openApiSchemas.put(key, openApi);
                }
            }
        }
    }

    /** group/version/kind of every vendored schema, with its CEL rules. */
    Map<String, Set<String>> celRulesByKind() {
        Map<String, Set<String>> rules = new java.util.TreeMap<>();
        openApiSchemas.forEach((key, schema) -> {
            Set<String> found = new java.util.TreeSet<>();
            CelRules.collectRules(schema, found);
            rules.put(key, found);
        });
        return rules;
    }

    boolean knowsGroup(String group) {
        String prefix = group + "/";
        return schemas.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    /**
     * Errors of one object, or empty if valid: structure, types, enums, patterns and limits (JSON Schema), then the
     * CEL rules. A kind/version without a schema is itself an error.
     */
    List<String> validate(Manifest manifest) {
        String key = key(manifest.group(), manifest.version(), manifest.kind());
        Optional<JsonSchema> schema = Optional.ofNullable(schemas.get(key));
        if (schema.isEmpty()) {
            return List.of(manifest + ": no CRD schema for " + manifest.apiVersion() + " " + manifest.kind());
        }
        Set<ValidationMessage> messages = schema.get().validate(manifest.node());
        List<String> errors = new ArrayList<>(messages.stream().map(m -> manifest + ": " + m.getMessage()).sorted().toList());
        errors.addAll(celRules.check(openApiSchemas.get(key), manifest.node(), manifest.toString()));
        return errors;
    }

    private static String key(String group, String version, String kind) {
        return group + "/" + version + "/" + kind;
    }

    static JsonNode toJsonSchema(JsonNode openApi) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = openApi.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "properties", "patternProperties" -> {
                    ObjectNode props = out.putObject(name);
                    value.fields().forEachRemaining(p -> props.set(p.getKey(), toJsonSchema(p.getValue())));
                }
                case "items", "not" -> out.set(name, value.isObject() ? toJsonSchema(value) : value);
                case "additionalProperties" -> out.set(name, value.isObject() ? toJsonSchema(value) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode list = out.putArray(name);
                    value.forEach(v -> list.add(toJsonSchema(v)));
                }
                // OpenAPI/Kubernetes annotations without a JSON Schema meaning, or handled below
                case "format" -> {
                    if (CHECKED_FORMATS.contains(value.asText())) {
                        out.set(name, value);
                    }
                }
                case "description", "nullable", "default", "example", "externalDocs" -> { }
                default -> {
                    if (!name.startsWith("x-kubernetes-")) {
                        out.set(name, value);
                    }
                }
            }
        }
        if (openApi.path("x-kubernetes-int-or-string").asBoolean(false)) {
            out.remove("type");
            if (!out.has("anyOf")) {
                ArrayNode anyOf = out.putArray("anyOf");
                anyOf.addObject().put("type", "integer");
                anyOf.addObject().put("type", "string");
            }
        }
        boolean preserveUnknown = openApi.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if ("object".equals(openApi.path("type").asText()) && openApi.has("properties") && !preserveUnknown
                && !openApi.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        if (openApi.path("nullable").asBoolean(false) && out.has("type") && out.get("type").isTextual()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(out.get("type").asText()).add("null");
            out.set("type", types);
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
