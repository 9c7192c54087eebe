package org.therapybooking.booking.support;

import org.therapybooking.localstack.KafkaTestResource;
import org.therapybooking.localstack.PostgresTestResource;
import org.therapybooking.localstack.testing.MeetingLinkStub;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import jakarta.inject.Inject;

/**
 * Every integration test class extends this, so they all share one application start against the real PostgreSQL
 * database {@code booking_test_<checkout>}, the real KRaft broker, the meeting-link contract stub, the
 * Stripe stub and the notification-service stub.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "booking_test"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(MeetingLinkStub.class)
@QuarkusTestResource(StripeStub.class)
@QuarkusTestResource(NotificationServiceStub.class)
public abstract class IntegrationTest {

    protected final Api api = new Api();

    /** The service's clock: real time unless a test moves it (and resets it after). */
    @Inject
    protected TestClock clock;
}
