package org.therapybooking.meetinglink.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.sweep.BadInputSweep;
import org.therapybooking.localstack.sweep.BadInputs;
import org.therapybooking.localstack.sweep.OpenApiOperations;
import org.therapybooking.localstack.sweep.OpenApiOperations.Operation;
import org.therapybooking.meetinglink.support.ServiceTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of meeting-link-service's own OpenAPI document gets bad input, with a valid service token and
 * once without one (docs/operations.md "Bad-input sweep"): only 4xx problem+json answers without internals, never
 * a 5xx. The service stores nothing, so there are no rows to compare.
 */
@QuarkusTest
class BadInputSweepTest {

    private static final long SEED = 20261130L;

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyLinkEndpointRefusesBadInputWithAProblem() {
        // /test/failing is a test-only resource that fails on purpose (the 500 problem format's test)
        List<Operation> operations = OpenApiOperations.fetch(base).stream()
                .filter(o -> !o.path().startsWith("/test/")).toList();
        BadInputs.Samples samples = new BadInputs.Samples(Operation::path, (operation, name) -> null,
                (operation, parameter) -> List.of());
        List<BadInputs.Probe> probes = BadInputs.generate(operations, samples, SEED, 40);

        Instant start = Instant.now();
        BadInputSweep.Result result = new BadInputSweep(base, operation -> ServiceTokens.valid(), Map.of(), Map::of)
                .run("meeting-link-service", operations, probes);
        System.out.println(result.summary() + " in " + Duration.between(start, Instant.now()).toSeconds() + " s");

        assertTrue(operations.stream().anyMatch(o -> o.path().endsWith("/batch")), "operations: " + operations);
        assertTrue(result.failures().isEmpty(), result.report());
    }
}
