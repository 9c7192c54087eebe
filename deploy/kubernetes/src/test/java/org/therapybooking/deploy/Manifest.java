package org.therapybooking.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One Kubernetes object of a rendered manifest stream. */
record Manifest(ObjectNode node) {

    static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());

    static List<Manifest> parseAll(String yamlStream) {
        List<Manifest> manifests = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yamlStream)) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNextValue()) {
                JsonNode node = values.nextValue();
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!node.isObject()) {
                    throw new IllegalArgumentException("a YAML document is not an object: " + node);
                }
                manifests.add(new Manifest((ObjectNode) node));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unparseable YAML", e);
        }
        return manifests;
    }

    static List<Manifest> parseFile(Path file) {
        try {
            return parseAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String apiVersion() {
        return node.path("apiVersion").asText("");
    }

    String kind() {
        return node.path("kind").asText("");
    }

    String name() {
        return node.path("metadata").path("name").asText("");
    }

    /** API group, "" for the core group. */
    String group() {
        String apiVersion = apiVersion();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    String version() {
        String apiVersion = apiVersion();
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    JsonNode spec() {
        return node.path("spec");
    }

    boolean is(String kind, String name) {
        return kind().equals(kind) && name().equals(name);
    }

    @Override
    public String toString() {
        return kind() + "/" + name();
    }
}
