package org.therapybooking.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The value-level half of a CRD's schema that JSON Schema cannot express: the {@code x-kubernetes-validations} CEL
 * rules, evaluated as the API server does on create: schema defaults applied first, {@code self} bound to the value
 * of the field that carries the rule, a false result or an evaluation error (e.g. a field the rule reads is
 * missing) rejects the object with the rule's message.
 *
 * <p>What is not the API server's: transition rules (they read {@code oldSelf}, which a create does not have) are
 * skipped; rules using a Kubernetes-only CEL library function ({@code isURL}, {@code quantity}, {@code ip}, …) that
 * CEL-Java lacks do not compile and are skipped too. {@link #skippedRules()} lists both kinds, so a test can keep the
 * list honest.
 */
final class CelRules {

    private static final CelOptions OPTIONS = CelOptions.current().build();
    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.lists(),
                    CelExtensions.math(OPTIONS), CelExtensions.encoders(OPTIONS), CelExtensions.optional(),
                    CelExtensions.regex())
            .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.lists(),
                    CelExtensions.math(OPTIONS), CelExtensions.encoders(OPTIONS), CelExtensions.optional(),
                    CelExtensions.regex())
            .addVar("self", SimpleType.DYN)
            .build();

    /** Compiled rules by expression; empty when the rule cannot be evaluated offline (see class comment). */
    private static final Map<String, Optional<CelRuntime.Program>> PROGRAMS = new ConcurrentHashMap<>();
    private static final Set<String> SKIPPED = ConcurrentHashMap.newKeySet();

    /** Rule violations of {@code instance} (a copy gets the schema's defaults), each prefixed with its JSON path. */
    List<String> check(JsonNode openApiSchema, JsonNode instance, String where) {
        JsonNode defaulted = instance.deepCopy();
        applyDefaults(openApiSchema, defaulted);
        List<String> errors = new ArrayList<>();
        evaluate(openApiSchema, defaulted, "", where, errors);
        return errors;
    }

    static Set<String> skippedRules() {
        return new TreeSet<>(SKIPPED);
    }

    /** Whether the rule is evaluated offline (compiles and is not a transition rule). */
    static boolean evaluable(String expression) {
        return PROGRAMS.computeIfAbsent(expression, CelRules::compile).isPresent();
    }

    /** Every rule expression in a schema tree. */
    static void collectRules(JsonNode schema, Set<String> into) {
        if (schema.isObject()) {
            schema.path("x-kubernetes-validations").forEach(r -> into.add(r.path("rule").asText()));
            schema.fields().forEachRemaining(f -> collectRules(f.getValue(), into));
        } else if (schema.isArray()) {
            schema.forEach(item -> collectRules(item, into));
        }
    }

    /** What the API server does before validation: absent properties with a schema default get that default. */
    static void applyDefaults(JsonNode schema, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isObject()) {
            ObjectNode object = (ObjectNode) value;
            Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                if (!object.has(property.getKey()) && property.getValue().has("default")) {
                    object.set(property.getKey(), property.getValue().get("default").deepCopy());
                }
                applyDefaults(property.getValue(), object.get(property.getKey()));
            }
            JsonNode additional = schema.path("additionalProperties");
            if (additional.isObject()) {
                object.fields().forEachRemaining(f -> {
                    if (!schema.path("properties").has(f.getKey())) {
                        applyDefaults(additional, f.getValue());
                    }
                });
            }
        } else if (value.isArray() && schema.has("items")) {
            value.forEach(item -> applyDefaults(schema.get("items"), item));
        }
    }

    private static void evaluate(JsonNode schema, JsonNode value, String path, String where, List<String> errors) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isObject()) {
            schema.path("properties").fields().forEachRemaining(p ->
                    evaluate(p.getValue(), value.get(p.getKey()), path + "." + p.getKey(), where, errors));
            JsonNode additional = schema.path("additionalProperties");
            if (additional.isObject()) {
                value.fields().forEachRemaining(f -> {
                    if (!schema.path("properties").has(f.getKey())) {
                        evaluate(additional, f.getValue(), path + "." + f.getKey(), where, errors);
                    }
                });
            }
        } else if (value.isArray() && schema.has("items")) {
            int i = 0;
            for (JsonNode item : value) {
                evaluate(schema.get("items"), item, path + "[" + i++ + "]", where, errors);
            }
        }
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            String expression = rule.path("rule").asText();
            Optional<CelRuntime.Program> program = PROGRAMS.computeIfAbsent(expression, CelRules::compile);
            if (program.isEmpty()) {
                continue;
            }
            String at = path.isEmpty() ? "" : " at " + path.substring(1);
            String fieldPath = rule.path("fieldPath").asText("");
            String message = rule.path("message").asText("failed rule: " + expression);
            try {
                Object result = program.get().eval(Map.of("self", toCel(value)));
                if (!Boolean.TRUE.equals(result)) {
                    errors.add(where + at + fieldPath + ": " + message + " (rule: " + expression + ")");
                }
            } catch (CelEvaluationException e) {
                errors.add(where + at + fieldPath + ": " + message + " (rule: " + expression + " did not evaluate: "
                        + e.getMessage() + ")");
            }
        }
    }

    private static Optional<CelRuntime.Program> compile(String expression) {
        if (expression.contains("oldSelf")) {
            SKIPPED.add("transition rule: " + expression);
            return Optional.empty();
        }
        try {
            return Optional.of(CEL.createProgram(CEL.compile(expression).getAst()));
        } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
            SKIPPED.add("not compilable by CEL-Java: " + expression);
            return Optional.empty();
        }
    }

    /** JSON to CEL values: objects to maps, arrays to lists, integers to int (64 bit), decimals to double. */
    static Object toCel(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    map.put(f.getKey(), toCel(f.getValue()));
                }
            });
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toCel(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }
}
