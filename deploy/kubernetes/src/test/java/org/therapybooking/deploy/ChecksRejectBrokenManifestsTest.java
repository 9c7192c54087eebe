package org.therapybooking.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The checks can fail: each file in src/test/resources/negative breaks one rule or one schema. It replaces the object
 * of the same kind and name in the rendered prod overlay (which passes every check on its own, see
 * {@link RenderedOverlaysTest}), and the checker must name that breach.
 */
class ChecksRejectBrokenManifestsTest {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            deployment-without-readiness-probe.yaml          | container meeting-link-service: no readinessProbe
            deployment-writable-root-filesystem.yaml         | container notification-service: readOnlyRootFilesystem is not true
            deployment-with-literal-secret.yaml              | PAYMENT_WEBHOOK_SECRET has a literal value
            deployment-with-unknown-database-secret.yaml     | no CloudNativePG Cluster bookings-postgres
            httproute-to-meeting-link-service.yaml           | routes to Service meeting-link-service
            networkpolicy-opens-notification-service.yaml    | notification-service admits only in-cluster callers
            networkpolicy-opens-booking-service.yaml         | admits every source to booking-service
            networkpolicy-booking-service-from-other-pod.yaml | is not the gateway namespace
            kafkatopic-single-replica.yaml                   | KafkaTopic/booking-events: replicas 1 in prod
            secret-with-data.yaml                            | Secret/smtp-credentials: Secret with data
            httproute-cors-allow-credentials-false.yaml      | CORS allowCredentials is set
            httproute-exposes-q.yaml                         | routes path /q, not one of
            httproute-api-without-cors.yaml                  | rule 0: no CORS filter for the frontend origin
            httproute-exposes-internal.yaml                  | routes path /internal, not one of
            httproute-no-https-redirect.yaml                 | no HTTPRoute redirecting plain HTTP to https
            deployment-sets-java-opts.yaml                   | sets JAVA_OPTS, which replaces the image launcher's options
            deployment-shutdown-exceeds-grace-period.yaml    | is not below terminationGracePeriodSeconds 20
            kafka-plaintext-listener.yaml                    | listener plain is plaintext
            kafkauser-prefix-acl.yaml                        | is not limited to one topic or group
            kafkanodepool-without-spread.yaml                | nothing spreads the brokers
            deployment-kafka-without-credentials.yaml        | KAFKA_SASL_JAAS_CONFIG does not come from the secret
            cluster-without-wal-archiving.yaml               | Cluster/booking-db: no WAL archiving
            cluster-unpinned-image.yaml                      | is not pinned to a full PostgreSQL version
            deployment-image-by-tag-from-docker-hub.yaml     | resolves to Docker Hub
            namespace-baseline-pod-security.yaml             | pod-security.kubernetes.io/enforce is 'baseline', not restricted
            networkpolicy-monitoring-whole-namespace.yaml    | notification-service admits only in-cluster callers
            kafka-exporter-misses-account-topics.yaml        | does not export topic account.events.dlq that alert DeadLetterGrowth reads
            configmap-queries-for-other-database.yaml        | Cluster/booking-db: custom query notification targets database notification
            deployment-without-gc-choice.yaml                | no GC_CONTAINER_OPTIONS
            deployment-append-without-log-manager.yaml       | JAVA_OPTS_APPEND replaces the image's value but lacks
            cluster-archives-to-unknown-store.yaml           | barmanObjectName booking-db-backup names no ObjectStore
            scheduledbackup-volume-snapshot.yaml             | Cluster/booking-db: no ScheduledBackup with method plugin
            """)
    void ruleCheckerRejects(String file, String expectedViolation) {
        List<Manifest> broken = withReplacement(Rendered.PROD.manifests(), negative(file));
        List<String> violations = new DeploymentRules(DeploymentRules.Environment.PROD).check(broken);
        assertFalse(violations.isEmpty(), file + " passed the rule checker");
        assertTrue(violations.stream().anyMatch(v -> v.contains(expectedViolation)),
                file + ": expected a violation containing '" + expectedViolation + "', got " + violations);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            schema-deployment-misspelt-field.yaml   | httpGett
            schema-configmap-number-value.yaml      | QUARKUS_HTTP_PORT
            schema-kafkatopic-unknown-field.yaml    | partitionCount
            schema-cluster-bad-enum.yaml            | primaryUpdateStrategy
            schema-httproute-wrong-type.yaml        | maxAge
            schema-ingress-removed-version.yaml     | networking.k8s.io/v1beta1
            schema-kafkauser-bad-operation.yaml     | acls[0].operations[0]: does not have a value in the enumeration
            schema-scheduledbackup-bad-method.yaml  | method
            schema-servicemonitor-misspelt-field.yaml | endpoint
            schema-httproute-relative-path.yaml     | value must be an absolute path
            schema-httproute-cors-wildcard-method.yaml | AllowMethods cannot contain '*' alongside other methods
            schema-kafka-metrics-without-rules.yaml | valueFrom property is required
            schema-cluster-image-and-catalog.yaml   | imageName and imageCatalogRef are mutually exclusive
            """)
    void schemaValidatorRejects(String file, String expectedField) {
        List<Manifest> objects = negative(file);
        List<String> errors = SCHEMAS.validate(objects);
        assertEquals(1, objects.size());
        assertFalse(errors.isEmpty(), file + " passed schema validation");
        assertTrue(errors.stream().anyMatch(e -> e.contains(expectedField)),
                file + ": expected an error naming '" + expectedField + "', got " + errors);
    }

    @Test
    void aMissingKubectlFailsWithAnExplanationInsteadOfSkipping() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Kustomize.render("kubectl-that-does-not-exist", Kustomize.moduleDir().resolve("overlays/prod")));
        assertTrue(e.getMessage().contains("kubectl is not on the PATH"), e.getMessage());
    }

    @Test
    void aKustomizationThatDoesNotBuildFailsWithKubectlsMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Kustomize.render(Kustomize.moduleDir().resolve("src/test/resources/negative")));
        assertTrue(e.getMessage().contains("failed"), e.getMessage());
    }

    private static List<Manifest> negative(String file) {
        return Manifest.parseFile(Kustomize.moduleDir().resolve(Path.of("src", "test", "resources", "negative", file)));
    }

    private static List<Manifest> withReplacement(List<Manifest> base, List<Manifest> replacements) {
        List<Manifest> result = new ArrayList<>(base);
        for (Manifest replacement : replacements) {
            result.removeIf(m -> m.is(replacement.kind(), replacement.name()));
            result.add(replacement);
        }
        return result;
    }
}
