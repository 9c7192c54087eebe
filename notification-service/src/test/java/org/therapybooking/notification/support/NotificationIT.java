package org.therapybooking.notification.support;

import org.junit.jupiter.api.BeforeEach;
import org.therapybooking.localstack.GreenMailTestResource;
import org.therapybooking.localstack.KafkaTestResource;
import org.therapybooking.localstack.PostgresTestResource;
import org.therapybooking.localstack.testing.MeetingLinkStub;

import io.quarkus.test.common.QuarkusTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.quarkus.test.common.ResourceArg;
import jakarta.inject.Inject;

/**
 * Shared setup of the integration tests: real PostgreSQL, Kafka and SMTP, the meeting-link-service contract
 * stub and booking-service's token endpoint stub, and a clean slate (tables, mailbox, clock, circuit breaker) before each test.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = Db.DATABASE))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
@QuarkusTestResource(MeetingLinkStub.class)
@QuarkusTestResource(TokenEndpointStub.class)
@QuarkusTestResource(SmtpCutProxy.class)
public abstract class NotificationIT {

    /** Before every booking in the tests: nothing is due until a test moves the clock. */
    public static final String START_OF_TEST = "2026-11-01T08:00:00Z";

    @Inject
    protected TestClock clock;
    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void cleanSlate() {
        GreenMailTestResource.startSmtp();
        MeetingLinkStub.down(false);
        SmtpCutProxy.cutAfterData(false);
        // the application (and its circuit breaker) outlives a test: an outage test must not leave it open
        circuitBreakers.resetAll();
        clock.set(START_OF_TEST);
        Db.reset();
        Mailbox.purge();
    }
}
