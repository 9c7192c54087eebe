package org.therapybooking.localstack.sweep;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.therapybooking.localstack.sweep.OpenApiOperations.Operation;
import org.therapybooking.localstack.sweep.OpenApiOperations.Parameter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bad inputs for every operation of an OpenAPI document, derived from its schemas: malformed and oversized bodies,
 * deep nesting, huge and odd numbers, long strings and Unicode edge cases, a wrong type for every field, missing
 * required and unknown fields; bad path and query parameters. Deterministic: the same document, samples and seed
 * give the same probes in the same order.
 */
public final class BadInputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** quarkus.http.limits.max-body-size of every service (64K). */
    public static final int BODY_LIMIT = 64 * 1024;

    /** One request to send: everything already encoded; {@code anonymous} ones are sent without a token. */
    public record Probe(Operation operation, String kind, String what, String path, String query, String contentType,
            byte[] body, boolean anonymous) {

        public String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
            return operation + " [" + kind + ": " + what + "] " + path + (query.isEmpty() ? "" : "?" + abbreviate(query))
                    + (body == null ? "" : " body(" + body.length + " B)=" + shown.replaceAll("\\p{Cntrl}", "·"));
        }

        private static String abbreviate(String s) {
            return s.length() <= 120 ? s : s.substring(0, 120) + "…(" + s.length() + ")";
        }
    }

    /**
     * What the caller knows about valid requests: a path where body and query probes reach the resource (an id of
     * its own), valid values by field or parameter name (else one derived from the schema), and further path
     * values worth trying (another account's ids).
     */
    public record Samples(Function<Operation, String> validPath, BiFunction<Operation, String, Object> value,
            BiFunction<Operation, String, List<String>> otherPathValues) {
    }

    static final List<String> WRONG_TYPES = List.of("\"text\"", "123", "-1", "1.5", "true", "[]", "{}", "null",
            "[\"a\",1]", "{\"a\":{\"b\":[]}}");

    static final List<String> NUMBERS = List.of("1e400", "-1e400", "18446744073709551616", "9223372036854775808",
            "-9223372036854775809", "2147483648", "-2147483649", "-0", "0", "1e-400", "0.000000001",
            "1.00000000000000000000000000001", "12345678901234567890.123456789", "\"NaN\"", "NaN", "Infinity",
            "\"-Infinity\"", "0x1F", "01", "+1", "1_000", "9".repeat(1100), "\"1\"", "\"1e400\"");

    static final List<String> STRINGS = List.of("\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"",
            "\"x\\udfff\"", "\"\\udbff\\udfff\"", "\"\\u202egnp.exe\"", "\"a\\u200db\\u200c\\u2060c\"",
            "\"\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08\"",
            "\"e" + "\u0301".repeat(500) + "\"", "\"\\ufeff\\ufffe\\uffff\"", "\"\\u0085\\u2028\\u2029\"",
            "\"a\\r\\nX-Injected: 1\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"",
            "\"${jndi:ldap://127.0.0.1/x}\"", "\"%00%s%n\"", "\"../../etc/passwd\"", "\"\\t\\b\\f\"",
            "\"\uD835\uDD4F\u0627\u0644\u0639\u0631\u0628\u064A\u0629\"",
            "\"" + "x".repeat(2_000) + "\"", "\"" + "\u00e9".repeat(20_000) + "\"", "\"" + "y".repeat(60_000) + "\"");

    static final List<String> DATES = List.of("\"2026-02-30\"", "\"2026-13-01T00:00:00Z\"",
            "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"0000-00-00\"",
            "\"2026-01-01T25:61:00Z\"", "\"1970-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.999999999Z\"",
            "\"2026-01-01T00:00:00+25:00\"", "\"2026-01-01\"", "1700000000", "\"2026-W01-1\"");

    static final List<String> QUERY_VALUES = List.of("", "abc", "-1", "0", "2147483648", "99999999999999999999999",
            "1e400", "NaN", "-0", "1.5", "2026-02-30", "2026-13-01", "9999999-01-01", "%2B1000000000-01-01T00:00:00Z",
            "2026-01-01T25:00:00Z", "Mars%2FOlympus_Mons", "..%2F..%2Fetc%2Fpasswd", "%00", "a%00b", "%C0%80",
            "%FF%FE", "%E2%80%AE", "%F0%9F%98%80", "%ED%A0%80", "%27%20OR%201%3D1--", "x".repeat(3_000));

    static final List<String> PATH_VALUES = List.of("abc", "-1", "0", "1.5", "1e3", "99999999999999999999",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "%00", "1%00", "%20",
            "%E2%80%AE1", "%F0%9F%98%80", "%C0%80", "00000000001", "0x1", "%2e%2e", "1%2F2", "1;x=1");

    private BadInputs() {
    }

    public static List<Probe> generate(List<Operation> operations, Samples samples, long seed,
            int maxSampledPerOperation) {
        List<Probe> all = new ArrayList<>();
        for (Operation operation : operations) {
            List<Probe> probes = new ArrayList<>();
            String path = samples.validPath().apply(operation);
            String query = validQuery(operation, samples, null);
            probes.add(new Probe(operation, "auth", "no token", path, query, null, null, true));
            for (String unknown : List.of("zz=%00", "zz=%ED%A0%80&zz=1", "limit=-1&offset=99999999999999999999",
                    "zz[]=1&zz[a]=2", "z".repeat(2_000) + "=1")) {
                probes.add(new Probe(operation, "query-unknown", abbreviated(unknown), path,
                        query.isEmpty() ? unknown : query + "&" + unknown, null, null, false));
            }
            pathProbes(operation, samples, query, probes);
            queryProbes(operation, samples, path, probes);
            if (operation.body() != null) {
                bodyProbes(operation, samples, path, query, probes);
            }
            // the structural probes (auth, path, whole body) all run; of the many per-field and per-parameter
            // values, a seeded choice of at most maxSampledPerOperation
            List<Probe> sampled = new ArrayList<>(probes.stream().filter(BadInputs::sampled).toList());
            if (sampled.size() > maxSampledPerOperation) {
                Collections.shuffle(sampled, new Random(seed + operation.toString().hashCode()));
                List<Probe> kept = sampled.subList(0, maxSampledPerOperation);
                List<Probe> all0 = probes;
                probes = new ArrayList<>(all0.stream().filter(p -> !sampled(p) || kept.contains(p)).toList());
            }
            all.addAll(probes);
        }
        return all;
    }

    private static boolean sampled(Probe probe) {
        return probe.kind().startsWith("field") || probe.kind().equals("query");
    }

    private static void pathProbes(Operation operation, Samples samples, String query, List<Probe> out) {
        for (Parameter parameter : operation.in("path")) {
            List<String> values = new ArrayList<>(PATH_VALUES);
            values.addAll(samples.otherPathValues().apply(operation, parameter.name()));
            for (String value : values) {
                String path = samples.validPath().apply(withParameter(operation, parameter.name(), value));
                out.add(new Probe(operation, "path", parameter.name() + "=" + value, path, query,
                        operation.body() == null ? null : "application/json",
                        operation.body() == null ? null : utf8(validBody(operation, samples)), false));
            }
        }
    }

    /** The operation with one path parameter fixed to a raw value (the caller's validPath fills in the rest). */
    private static Operation withParameter(Operation operation, String name, String value) {
        return new Operation(operation.method(), operation.path().replace("{" + name + "}", value),
                operation.parameters(), operation.body(), operation.answersHtml());
    }

    private static void queryProbes(Operation operation, Samples samples, String path, List<Probe> out) {
        for (Parameter parameter : operation.in("query")) {
            for (String value : QUERY_VALUES) {
                String query = validQuery(operation, samples, parameter.name());
                query = (query.isEmpty() ? "" : query + "&") + parameter.name() + "=" + value;
                out.add(new Probe(operation, "query", parameter.name() + "=" + abbreviated(value), path, query,
                        null, null, false));
            }
            String query = validQuery(operation, samples, parameter.name());
            out.add(new Probe(operation, "query", parameter.name() + " twice", path,
                    (query.isEmpty() ? "" : query + "&") + parameter.name() + "=1&" + parameter.name() + "=abc", null,
                    null, false));
        }
    }

    /** The required query parameters with valid values, and every other one the caller has a value for. */
    private static String validQuery(Operation operation, Samples samples, String except) {
        List<String> pairs = new ArrayList<>();
        for (Parameter parameter : operation.in("query")) {
            if (parameter.name().equals(except)) {
                continue;
            }
            Object value = samples.value().apply(operation, parameter.name());
            if (value == null && parameter.required()) {
                value = sample(parameter.schema());
            }
            if (value != null) {
                pairs.add(parameter.name() + "=" + java.net.URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        }
        return String.join("&", pairs);
    }

    private static void bodyProbes(Operation operation, Samples samples, String path, String query, List<Probe> out) {
        String valid = validBody(operation, samples);
        JsonNode schema = operation.body();
        String first = firstProperty(schema);
        List<String[]> whole = new ArrayList<>();
        for (String text : List.of("", " ", "{", "}", "{\"", "[", "[]", "null", "0", "\"text\"", "true", "{} trailing",
                "{}{}", "{,}", "{\"a\":1,}", "/*c*/{}", "{'a':1}", "{a:1}", "{\"a\" 1}", "\u0000", "{\"\u0000\":1}")) {
            whole.add(new String[] {"malformed", show(text), text});
        }
        whole.add(new String[] {"malformed", "BOM before the body", "\uFEFF" + valid});
        whole.add(new String[] {"malformed", "garbage after the body", valid + "garbage"});
        whole.add(new String[] {"malformed", "truncated body", valid.substring(0, valid.length() / 2)});
        whole.add(new String[] {"nesting", "10000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000)});
        whole.add(new String[] {"nesting", "10000 nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)});
        if (first != null) {
            whole.add(new String[] {"nesting", "5000 nested arrays in " + first,
                    replace(schema, valid, samples, operation, first, "[".repeat(5_000) + "]".repeat(5_000))});
            for (String name : properties(schema)) {
                // duplicate keys: the bad value last, then first (Jackson keeps the last one by default)
                String good = json(valueFor(operation, samples, name, schema.path("properties").path(name)));
                String rest = without(schema, operation, samples, name);
                whole.add(new String[] {"duplicate", name + " twice, bad last",
                        withExtra(rest, json(name) + ":" + good + "," + json(name) + ":{\"x\":1}")});
                whole.add(new String[] {"duplicate", name + " twice, good last",
                        withExtra(rest, json(name) + ":{\"x\":1}," + json(name) + ":" + good)});
            }
        }
        whole.add(new String[] {"unknown", "an unknown field", withExtra(valid, "\"zz_unknown\":1")});
        whole.add(new String[] {"unknown", "role admin", withExtra(valid, "\"role\":\"admin\"")});
        whole.add(new String[] {"unknown", "__proto__", withExtra(valid, "\"__proto__\":{\"admin\":true}")});
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 4_000; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        whole.add(new String[] {"unknown", "4000 unknown fields", withExtra(valid, keys.toString())});
        whole.add(new String[] {"missing", "empty object", "{}"});
        for (String name : required(schema)) {
            whole.add(new String[] {"missing", "without " + name, without(schema, operation, samples, name)});
            whole.add(new String[] {"missing", name + " null", replace(schema, valid, samples, operation, name, "null")});
        }
        whole.add(new String[] {"size", "string of " + (BODY_LIMIT + 40_000) + " chars (over the limit)",
                first == null ? "\"" + "z".repeat(BODY_LIMIT + 40_000) + "\""
                        : replace(schema, valid, samples, operation, first, "\"" + "z".repeat(BODY_LIMIT + 40_000) + "\"")});
        whole.add(new String[] {"size", "padding to limit + 1", padded(valid, BODY_LIMIT + 1)});
        whole.add(new String[] {"size", "padding to just under the limit", padded(valid, BODY_LIMIT - 16)});
        for (String[] w : whole) {
            out.add(new Probe(operation, "body:" + w[0], w[1], path, query, "application/json", utf8(w[2]), false));
        }
        // raw bytes that are not UTF-8 inside a string, and as the whole body
        if (first != null) {
            byte[] broken = concat(utf8("{\"" + first + "\":\""), new byte[] {(byte) 0xC0, (byte) 0x80, (byte) 0xFF,
                    (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\"}"));
            out.add(new Probe(operation, "body:encoding", "invalid UTF-8 in " + first, path, query, "application/json",
                    broken, false));
        }
        out.add(new Probe(operation, "body:encoding", "UTF-16 body", path, query, "application/json; charset=UTF-16",
                valid.getBytes(StandardCharsets.UTF_16), false));
        out.add(new Probe(operation, "body:type", "text/plain", path, query, "text/plain", utf8(valid), false));
        out.add(new Probe(operation, "body:type", "no content type", path, query, null, utf8(valid), false));
        out.add(new Probe(operation, "body:type", "form", path, query, "application/x-www-form-urlencoded",
                utf8("a=1&b=2"), false));
        // one field at a time: every wrong type, and the numbers, strings and dates that break parsers and columns
        fieldProbes(operation, samples, schema, valid, "", path, query, out, 0);
    }

    private static void fieldProbes(Operation operation, Samples samples, JsonNode schema, String valid, String prefix,
            String path, String query, List<Probe> out, int depth) {
        for (String name : properties(schema)) {
            JsonNode property = schema.path("properties").path(name);
            String type = OpenApiOperations.type(property);
            List<String> values = new ArrayList<>(WRONG_TYPES);
            values.addAll(NUMBERS);
            values.addAll(STRINGS);
            String format = property.path("format").asText("");
            if (format.startsWith("date") || name.endsWith("_at") || name.equals("date")) {
                values.addAll(DATES);
            }
            for (String value : values) {
                String body = replace(schema, valid, samples, operation, name, value);
                out.add(new Probe(operation, "field:" + type, prefix + name + "=" + show(value), path, query,
                        "application/json", utf8(body), false));
            }
            // one level into objects and arrays of objects (e.g. a batch's items)
            JsonNode nested = "array".equals(type) ? property.path("items") : property;
            if (depth == 0 && nested.has("properties")) {
                String item = nestedValid(operation, samples, nested);
                List<Probe> inner = new ArrayList<>();
                fieldProbes(operation, samples, nested, item, prefix + name + ".", path, query, inner, depth + 1);
                for (Probe p : inner) {
                    String innerBody = new String(p.body(), StandardCharsets.UTF_8);
                    String wrapped = "array".equals(type) ? "[" + innerBody + "]" : innerBody;
                    out.add(new Probe(operation, p.kind(), p.what(), path, query, "application/json",
                            utf8(replace(schema, valid, samples, operation, name, wrapped)), false));
                }
            }
        }
    }

    // ---- valid bodies and values ----

    private static String validBody(Operation operation, Samples samples) {
        return nestedValid(operation, samples, operation.body());
    }

    private static String nestedValid(Operation operation, Samples samples, JsonNode schema) {
        Map<String, String> fields = validFields(operation, samples, schema);
        return object(fields);
    }

    private static Map<String, String> validFields(Operation operation, Samples samples, JsonNode schema) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> required = required(schema);
        for (String name : properties(schema)) {
            Object value = samples.value().apply(operation, name);
            if (value != null) {
                fields.put(name, json(value));
            } else if (required.contains(name)) {
                fields.put(name, json(sample(schema.path("properties").path(name))));
            }
        }
        return fields;
    }

    private static Object valueFor(Operation operation, Samples samples, String name, JsonNode schema) {
        Object value = samples.value().apply(operation, name);
        return value != null ? value : sample(schema);
    }

    /** The body with field {@code name} set to raw JSON {@code value} (added when the valid body lacks it). */
    private static String replace(JsonNode schema, String valid, Samples samples, Operation operation, String name,
            String value) {
        Map<String, String> fields = validFields(operation, samples, schema);
        if (!schema.equals(operation.body())) {
            fields = parseFlat(valid);
        }
        fields.put(name, value);
        return object(fields);
    }

    private static String without(JsonNode schema, Operation operation, Samples samples, String name) {
        Map<String, String> fields = validFields(operation, samples, schema);
        fields.remove(name);
        return object(fields);
    }

    /** The top-level fields of a body this class wrote, as raw JSON (for nested valid items). */
    private static Map<String, String> parseFlat(String body) {
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(body).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), e.getValue().toString());
            }
            return fields;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object sample(JsonNode schema) {
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return JSON.convertValue(schema.path("enum").get(0), Object.class);
        }
        String format = schema.path("format").asText("");
        return switch (OpenApiOperations.type(schema)) {
            case "integer" -> 1;
            case "number" -> format.isEmpty() ? "1.00" : 1;
            case "boolean" -> false;
            case "array" -> List.of();
            case "object" -> Map.of();
            default -> switch (format) {
                case "date-time" -> "2027-03-01T10:00:00Z";
                case "date" -> "2027-03-01";
                case "email" -> "sweep@example.org";
                default -> "sweep";
            };
        };
    }

    private static List<String> properties(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    private static String firstProperty(JsonNode schema) {
        List<String> names = properties(schema);
        return names.isEmpty() ? null : names.get(0);
    }

    private static String object(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(json(k)).append(':').append(v));
        return out.append('}').toString();
    }

    private static String withExtra(String valid, String members) {
        return valid.equals("{}") ? "{" + members + "}" : valid.substring(0, valid.length() - 1) + "," + members + "}";
    }

    /** The valid body with an unknown string member that makes it {@code size} bytes long. */
    private static String padded(String valid, int size) {
        String head = valid.equals("{}") ? "{\"zz_padding\":\"" : valid.substring(0, valid.length() - 1) + ",\"zz_padding\":\"";
        return head + "p".repeat(Math.max(0, size - head.length() - 2)) + "\"}";
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String show(String value) {
        return abbreviated(value);
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 20) + "…(" + value.length() + " chars)";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
