package org.therapybooking.booking.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.therapybooking.booking.common.BookingConfig;

import io.agroal.api.AgroalDataSource;
import io.smallrye.health.api.Wellness;

/**
 * Outbox backlog at {@code /q/health/well}. Deliberately not a readiness check: the outbox exists so that the API
 * keeps working while Kafka is down, so a Kafka outage must not take the pods out of service. Alert on this instead.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final AgroalDataSource dataSource;
    private final Duration staleAfter;

    public OutboxHealthCheck(AgroalDataSource dataSource, BookingConfig config) {
        this.dataSource = dataSource;
        this.staleAfter = config.outbox().staleAfter();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Outbox backlog");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*), coalesce(extract(epoch from (now() - "
                        + "min(created_at))), 0) from outbox_event where sent_at is null")) {
            rs.next();
            long unsent = rs.getLong(1);
            long oldestSeconds = (long) rs.getDouble(2);
            return builder.status(oldestSeconds < staleAfter.toSeconds()).withData("unsent", unsent)
                    .withData("oldest_unsent_seconds", oldestSeconds).build();
        } catch (Exception e) {
            return builder.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
