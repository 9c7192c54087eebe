package org.therapybooking.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Renders every overlay with `kubectl kustomize`, validates every object and checks the deployment rules. */
class RenderedOverlaysTest {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    @ParameterizedTest
    @EnumSource(Rendered.class)
    void everyObjectMatchesTheSchemaOfItsKind(Rendered overlay) {
        List<String> errors = SCHEMAS.validate(overlay.manifests());
        assertEquals(List.of(), errors, overlay + ": schema errors");
    }

    @ParameterizedTest
    @EnumSource(Rendered.class)
    void deploymentRulesHold(Rendered overlay) {
        List<String> violations = new DeploymentRules(overlay.environment).check(overlay.manifests());
        assertEquals(List.of(), violations, overlay + ": rule violations");
    }

    @ParameterizedTest
    @EnumSource(Rendered.class)
    void rendersTheWholeSystemIntoTheOverlaysNamespace(Rendered overlay) {
        Map<String, Long> kinds = new TreeMap<>(overlay.manifests().stream()
                .collect(Collectors.groupingBy(Manifest::kind, Collectors.counting())));
        assertEquals(3L, kinds.get("Deployment"), kinds.toString());
        assertEquals(3L, kinds.get("Service"), kinds.toString());
        assertEquals(5L, kinds.get("ConfigMap"), kinds.toString());
        assertEquals(3L, kinds.get("ServiceAccount"), kinds.toString());
        assertEquals(2L, kinds.get("HorizontalPodAutoscaler"), kinds.toString());
        assertEquals(3L, kinds.get("PodDisruptionBudget"), kinds.toString());
        assertEquals(1L, kinds.get("Kafka"), kinds.toString());
        assertEquals(1L, kinds.get("KafkaNodePool"), kinds.toString());
        assertEquals(4L, kinds.get("KafkaTopic"), kinds.toString());
        assertEquals(2L, kinds.get("KafkaUser"), kinds.toString());
        assertEquals(2L, kinds.get("Cluster"), kinds.toString());
        assertFalse(kinds.containsKey("Secret"), "no Secret objects at all: " + kinds);
        for (Manifest m : overlay.manifests()) {
            if (m.kind().equals("Namespace")) {
                assertEquals(overlay.namespace, m.name());
            } else {
                assertEquals(overlay.namespace, m.node().path("metadata").path("namespace").asText(), m + " namespace");
            }
        }
    }

    @Test
    void prodSizesKafkaForFailureAndParallelConsumption() {
        List<Manifest> prod = Rendered.PROD.manifests();
        JsonNode events = find(prod, "KafkaTopic", "booking-events").spec();
        assertEquals("booking.events", events.path("topicName").asText());
        assertEquals(6, events.path("partitions").asInt());
        assertEquals(3, events.path("replicas").asInt());
        assertEquals(2, events.path("config").path("min.insync.replicas").asInt());
        JsonNode dlq = find(prod, "KafkaTopic", "booking-events-dlq").spec();
        assertEquals("booking.events.dlq", dlq.path("topicName").asText());
        assertEquals(3, dlq.path("replicas").asInt());
        JsonNode pool = find(prod, "KafkaNodePool", "dual-role").spec();
        assertEquals(3, pool.path("replicas").asInt());
        assertEquals("persistent-claim", pool.path("storage").path("volumes").get(0).path("type").asText());
        assertEquals(3, find(prod, "Cluster", "booking-db").spec().path("instances").asInt());
        assertEquals(3, find(prod, "Cluster", "notification-db").spec().path("instances").asInt());
    }

    @Test
    void devRunsOneOfEverythingOnEphemeralKafka() {
        List<Manifest> dev = Rendered.DEV.manifests();
        JsonNode pool = find(dev, "KafkaNodePool", "dual-role").spec();
        assertEquals(1, pool.path("replicas").asInt());
        assertEquals("ephemeral", pool.path("storage").path("type").asText());
        assertEquals(1, find(dev, "KafkaTopic", "booking-events").spec().path("replicas").asInt());
        assertEquals(1, find(dev, "Kafka", "events").spec().path("kafka").path("config")
                .path("offsets.topic.replication.factor").asInt());
        assertEquals(1, find(dev, "Cluster", "booking-db").spec().path("instances").asInt());
    }

    @ParameterizedTest
    @EnumSource(Rendered.class)
    void servicesReadTheirDatabaseFromTheOperatorsGeneratedSecret(Rendered overlay) {
        assertSecretRef(overlay, "booking-service", "BOOKING_DB_URL", "booking-db-app", "jdbc-uri");
        assertSecretRef(overlay, "booking-service", "BOOKING_DB_USER", "booking-db-app", "username");
        assertSecretRef(overlay, "booking-service", "BOOKING_DB_PASSWORD", "booking-db-app", "password");
        assertSecretRef(overlay, "notification-service", "NOTIFICATION_DB_URL", "notification-db-app", "jdbc-uri");
        assertSecretRef(overlay, "notification-service", "NOTIFICATION_DB_USER", "notification-db-app", "username");
        assertSecretRef(overlay, "notification-service", "NOTIFICATION_DB_PASSWORD", "notification-db-app", "password");
        // the service-token client secret: the secret in notification-service only, its hash in booking-service only
        assertSecretRef(overlay, "notification-service", "NOTIFICATION_CLIENT_SECRET", "notification-client-credentials",
                "client-secret");
        assertSecretRef(overlay, "booking-service", "NOTIFICATION_CLIENT_SECRET_SHA256", "booking-secrets",
                "notification-client-secret-sha256");
        assertEquals("booking", find(overlay.manifests(), "Cluster", "booking-db").spec()
                .path("bootstrap").path("initdb").path("database").asText());
    }

    @ParameterizedTest
    @EnumSource(Rendered.class)
    void everyServiceGetsTheSharedEnvironmentFromItsConfigMap(Rendered overlay) {
        Map<String, Set<String>> expected = Map.of(
                "booking-service-config", Set.of("KAFKA_BOOTSTRAP_SERVERS", "MEETING_LINK_SERVICE_URL", "NOTIFICATION_SERVICE_URL",
                        "JWT_PUBLIC_KEY_LOCATION", "JWT_ISSUER", "JWT_AUDIENCE", "JWT_SIGN_KEY_LOCATION",
                        "JWT_SIGN_KEY_ID", "JITSI_BASE_URL", "JOIN_LINK_BASE_URL", "QUARKUS_HTTP_PORT"),
                "meeting-link-service-config", Set.of("JITSI_BASE_URL", "JITSI_AUTH_MODE", "DISPLAY_NAME_POLICY",
                        "JWT_PUBLIC_KEY_LOCATION", "JWT_ISSUER", "QUARKUS_HTTP_PORT"),
                "notification-service-config", Set.of("KAFKA_BOOTSTRAP_SERVERS", "MEETING_LINK_SERVICE_URL",
                        "JWT_PUBLIC_KEY_LOCATION", "JWT_ISSUER", "JWT_AUDIENCE", "BOOKING_SERVICE_URL", "SMTP_HOST",
                        "SMTP_PORT", "MAIL_FROM", "QUARKUS_HTTP_PORT"));
        expected.forEach((configMap, keys) -> {
            JsonNode data = find(overlay.manifests(), "ConfigMap", configMap).node().path("data");
            for (String key : keys) {
                assertTrue(data.has(key), configMap + " lacks " + key);
            }
            assertEquals("8080", data.path("QUARKUS_HTTP_PORT").asText());
        });
    }

    @Test
    void eachOverlayAllowsItsOwnFrontendOrigin() {
        assertEquals("[\"https://app.therapy-booking.example\"]", corsOrigins(Rendered.PROD));
        assertTrue(corsOrigins(Rendered.DEV).contains("http://localhost:5173"), corsOrigins(Rendered.DEV));
    }

    @Test
    void thePlatformGatewayValidatesAndAdmitsRoutesOfBothEnvironments() {
        List<Manifest> gateway = Rendered.platformGateway();
        assertEquals(List.of(), SCHEMAS.validate(gateway));
        String admitted = find(gateway, "Gateway", "public").spec().path("listeners").toString();
        assertTrue(admitted.contains(Rendered.PROD.namespace) && admitted.contains(Rendered.DEV.namespace), admitted);
        JsonNode parent = find(Rendered.PROD.manifests(), "HTTPRoute", "booking-api").spec().path("parentRefs").get(0);
        assertEquals("public", parent.path("name").asText());
        assertEquals("gateway-system", parent.path("namespace").asText());
    }

    @ParameterizedTest
    @EnumSource(value = Rendered.class, names = {"DEV", "PROD"})
    void everyRoutedHostIsServedOverHttpsWithACertificateThatCoversIt(Rendered overlay) {
        assertEquals(List.of(), DeploymentRules.certificateGaps(Rendered.platformGateway(), overlay.manifests()));
        Manifest redirect = find(overlay.manifests(), "HTTPRoute", "booking-api-https-redirect");
        assertEquals(find(overlay.manifests(), "HTTPRoute", "booking-api").spec().path("hostnames"),
                redirect.spec().path("hostnames"));
        assertEquals(301, redirect.spec().path("rules").get(0).path("filters").get(0).path("requestRedirect")
                .path("statusCode").asInt());
    }

    @Test
    void aWildcardCertificateCoversOneLabelOnly() {
        assertTrue(DeploymentRules.certificateCovers("*.therapy-booking.example", "api.therapy-booking.example"));
        assertFalse(DeploymentRules.certificateCovers("*.therapy-booking.example", "api.dev.therapy-booking.example"));
        assertTrue(DeploymentRules.certificateCovers("api.therapy-booking.example", "api.therapy-booking.example"));
        List<Manifest> oldGateway = Manifest.parseFile(Kustomize.moduleDir()
                .resolve("src/test/resources/negative/gateway-dev-host-uncovered.yaml"));
        List<String> gaps = DeploymentRules.certificateGaps(oldGateway, Rendered.DEV.manifests());
        assertTrue(gaps.stream().anyMatch(g -> g.contains("api.dev.therapy-booking.example is not covered")), gaps.toString());
    }

    @ParameterizedTest
    @EnumSource(Rendered.class)
    void theGatewayNamespaceAdmittedToBookingServiceIsEnvoyGatewaysByDefault(Rendered overlay) {
        String from = find(overlay.manifests(), "NetworkPolicy", "booking-service-from-gateway").spec()
                .path("ingress").get(0).path("from").get(0).path("namespaceSelector").path("matchLabels")
                .path("kubernetes.io/metadata.name").asText();
        assertEquals(overlay == Rendered.PROD_WITH_INGRESS ? "ingress-nginx" : "envoy-gateway-system", from);
    }

    /**
     * Resident set size after load in MiB, measured with the pods' JVM options (docs/performance.md "Memory with the
     * pods' JVM options"): the memory request holds it, the limit leaves at least 40 % above it for native memory and
     * heap growth up to MaxRAMPercentage.
     */
    @ParameterizedTest
    @EnumSource(Rendered.class)
    void memoryHoldsTheMeasuredResidentSetWithMargin(Rendered overlay) {
        Map<String, Long> measuredRssMib = Map.of(
                "booking-service", 522L, "notification-service", 464L, "meeting-link-service", 264L);
        double mib = 1024 * 1024;
        measuredRssMib.forEach((deployment, rssMib) -> {
            JsonNode resources = find(overlay.manifests(), "Deployment", deployment).spec().path("template")
                    .path("spec").path("containers").get(0).path("resources");
            double request = DeploymentRules.bytes(resources.path("requests").path("memory").asText()).doubleValue() / mib;
            double limit = DeploymentRules.bytes(resources.path("limits").path("memory").asText()).doubleValue() / mib;
            assertTrue(request >= rssMib, deployment + ": request " + request + " MiB below measured RSS " + rssMib);
            assertTrue(limit >= rssMib * 1.4, deployment + ": limit " + limit + " MiB not 40 % above RSS " + rssMib);
        });
    }

    /**
     * The dev overlay deploys the images `./mvnw package -Pimages` tags with the pom's version; prod pins digests
     * (DeploymentRules). A version bump without the overlay would deploy the previous images.
     */
    @Test
    void devImagesAreTaggedWithTheBuildVersion() {
        String version = System.getProperty("project.version");
        assertFalse(version == null || version.isBlank(), "surefire passes project.version");
        for (String deployment : List.of("booking-service", "meeting-link-service", "notification-service")) {
            String image = find(Rendered.DEV.manifests(), "Deployment", deployment).spec().path("template")
                    .path("spec").path("containers").get(0).path("image").asText();
            assertTrue(image.endsWith("/" + deployment + ":" + version), deployment + " runs " + image
                    + ", not the build's version " + version);
        }
    }

    @Test
    void theRestoreDrillIsAPointInTimeRecoveryIntoANewClusterFromThePluginsObjectStore() {
        List<Manifest> restore = Manifest.parseAll(Kustomize.render(Kustomize.moduleDir().resolve("restore")));
        assertEquals(List.of(), SCHEMAS.validate(restore));
        assertEquals(List.of(), new DeploymentRules(DeploymentRules.Environment.DEV).check(restore).stream()
                .filter(v -> v.startsWith("Cluster/")).toList());
        JsonNode spec = find(restore, "Cluster", "booking-db-restore").spec();
        JsonNode recovery = spec.path("bootstrap").path("recovery");
        assertTrue(recovery.path("recoveryTarget").has("targetTime"));
        JsonNode origin = spec.path("externalClusters").get(0);
        assertEquals(recovery.path("source").asText(), origin.path("name").asText());
        assertEquals("booking-db-backups", origin.path("plugin").path("parameters").path("barmanObjectName").asText());
        assertEquals("booking-db", origin.path("plugin").path("parameters").path("serverName").asText());
        find(Rendered.PROD.manifests(), "ObjectStore", "booking-db-backups");
        // under default-deny the operator must reach the new instance's status port, or it never becomes Ready
        JsonNode policy = find(restore, "NetworkPolicy", "booking-db-restore").spec();
        assertEquals("booking-db-restore", policy.path("podSelector").path("matchLabels").path("cnpg.io/cluster").asText());
        String ingress = policy.path("ingress").toString();
        assertTrue(ingress.contains("\"cnpg-system\"") && ingress.contains("8000"), ingress);
    }

    /** Alerts use metric names the services register (Java sources) or the exporters of these manifests emit. */
    @ParameterizedTest
    @EnumSource(value = Rendered.class, names = {"DEV", "PROD"})
    void alertsUseMetricsThatAreExported(Rendered overlay) {
        String rules = find(overlay.manifests(), "PrometheusRule", "therapy-booking").spec().toString();
        for (String metric : List.of("notifications_failed_total", "notifications_retried_total",
                "notifications_sent_total", "kafka_consumergroup_lag", "kafka_topic_partition_current_offset",
                "cnpg_outbox_oldest_unsent_seconds", "cnpg_notification_oldest_due_seconds")) {
            assertTrue(rules.contains(metric), metric);
        }
        String queries = find(overlay.manifests(), "ConfigMap", "postgres-queries").node().path("data").toString();
        assertTrue(queries.contains("outbox:") && queries.contains("oldest_unsent_seconds"), queries);
        assertTrue(queries.contains("notification:") && queries.contains("oldest_due_seconds"), queries);
        find(overlay.manifests(), "ServiceMonitor", "therapy-booking-services");
        find(overlay.manifests(), "PodMonitor", "kafka");
        find(overlay.manifests(), "PodMonitor", "postgres");
    }

    private static String corsOrigins(Rendered overlay) {
        return find(overlay.manifests(), "HTTPRoute", "booking-api").spec().path("rules").get(0)
                .path("filters").get(0).path("cors").path("allowOrigins").toString();
    }

    private static void assertSecretRef(Rendered overlay, String deployment, String variable, String secret, String key) {
        JsonNode container = find(overlay.manifests(), "Deployment", deployment).spec()
                .path("template").path("spec").path("containers").get(0);
        for (JsonNode env : container.path("env")) {
            if (variable.equals(env.path("name").asText())) {
                JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                assertEquals(secret, ref.path("name").asText(), variable);
                assertEquals(key, ref.path("key").asText(), variable);
                return;
            }
        }
        throw new AssertionError(deployment + " does not set " + variable);
    }

    static Manifest find(List<Manifest> manifests, String kind, String name) {
        return manifests.stream().filter(m -> m.is(kind, name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }
}
