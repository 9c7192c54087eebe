package org.therapybooking.notification.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.sweep.BadInputSweep;
import org.therapybooking.localstack.sweep.BadInputs;
import org.therapybooking.localstack.sweep.OpenApiOperations;
import org.therapybooking.localstack.sweep.OpenApiOperations.Operation;
import org.therapybooking.notification.support.Db;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of notification-service's own OpenAPI document (the admin API, and the internal API as
 * booking-service) gets bad input, with the caller's token and
 * once without a token (docs/operations.md "Bad-input sweep"): only 4xx problem+json answers without internals,
 * never a 5xx, no row written.
 */
@QuarkusTest
class BadInputSweepTest extends NotificationIT {

    private static final long SEED = 20261130L;
    private static final List<String> TABLES = List.of("notification", "booking", "processed_event", "person");

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyAdminEndpointRefusesBadInputWithAProblemAndWritesNothing() {
        List<Operation> operations = OpenApiOperations.fetch(base);
        BadInputs.Samples samples = new BadInputs.Samples(
                operation -> operation.path().replace("{bookingId}", "701").replace("{userId}", "45"),
                (operation, name) -> null,
                (operation, parameter) -> List.of("702"));
        List<BadInputs.Probe> probes = BadInputs.generate(operations, samples, SEED, 40);

        Instant start = Instant.now();
        BadInputSweep.Result result = new BadInputSweep(base,
                // the internal API answers booking-service's service token, the admin API an admin's
                operation -> operation.path().startsWith("/internal") ? Tokens.service("booking-service",
                        "notification-service") : Tokens.admin(), Map.of(),
                BadInputSweepTest::rowCounts).run("notification-service", operations, probes);
        System.out.println(result.summary() + " in " + Duration.between(start, Instant.now()).toSeconds() + " s");

        assertTrue(operations.stream().anyMatch(o -> o.path().contains("{bookingId}")), "operations: " + operations);
        assertTrue(result.failures().isEmpty(), result.report());
    }

    private static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, Db.count("select count(*) from " + table));
        }
        return counts;
    }
}
