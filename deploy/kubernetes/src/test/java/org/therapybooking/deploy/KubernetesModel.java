package org.therapybooking.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates built-in Kubernetes kinds and Gateway API kinds against the fabric8 model, which fabric8 generates from
 * the Kubernetes OpenAPI and the Gateway API CRDs. Parsing is strict: an unknown apiVersion/kind, a field the model
 * does not have (the model keeps those in {@code additionalProperties}, which we require to be empty) or a value of
 * the wrong JSON type (no string/number coercion, as the API server does not coerce either) is an error.
 */
final class KubernetesModel {

    private static final ObjectMapper STRICT = strictMapper();

    List<String> validate(Manifest manifest) {
        KubernetesResource resource;
        try {
            resource = STRICT.treeToValue(manifest.node(), KubernetesResource.class);
        } catch (JsonProcessingException e) {
            return List.of(manifest + ": " + e.getOriginalMessage() + locationOf(e));
        } catch (IllegalArgumentException e) {
            return List.of(manifest + ": " + e.getMessage());
        }
        if (resource == null || resource instanceof GenericKubernetesResource) {
            return List.of(manifest + ": unknown kind " + manifest.kind() + " in " + manifest.apiVersion());
        }
        List<String> errors = new ArrayList<>();
        collectUnknownFields(resource, manifest.toString(), errors, new IdentityHashMap<>());
        return errors;
    }

    private static String locationOf(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder(" at ");
            for (var ref : mapping.getPath()) {
                path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
            return path.toString();
        }
        return "";
    }

    private static void collectUnknownFields(Object value, String path, List<String> errors,
            IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                collectUnknownFields(item, path + "[" + i++ + "]", errors, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, errors, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = read(field, value);
                if ("additionalProperties".equals(field.getName())) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        errors.add(path + ": unknown field(s) " + extra.keySet() + " for " + value.getClass().getSimpleName());
                    }
                    continue;
                }
                collectUnknownFields(fieldValue, path + "." + field.getName(), errors, seen);
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        // "8080" is not an int, and 8080 is not a string (ConfigMap data, env values, annotations)
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }
}
