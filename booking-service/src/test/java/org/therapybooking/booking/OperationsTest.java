package org.therapybooking.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.IntegrationTest;

import io.quarkus.test.junit.QuarkusTest;

/** What operators and API clients see of the running service besides the API itself: health and OpenAPI. */
@QuarkusTest
class OperationsTest extends IntegrationTest {

    @Test
    void readyWithTheDatabaseAndKafkaIsNoReadinessDependency() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theOutboxBacklogIsReportedForAlerting() {
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'Outbox backlog' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Outbox backlog' }.data.unsent", notNullValue())
                .body("checks.find { it.name == 'Outbox backlog' }.data.oldest_unsent_seconds", notNullValue());
    }

    @Test
    void openApiNamesPropertiesTheWayTheApiDoes() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.BookingView.properties.keySet()", hasItems(
                        "jitsi_room_id", "jitsi_room_url", "personalized_meeting_url", "scheduled_at"))
                .body("components.schemas.AdminBookingView.properties.keySet()", hasItem("admin_meeting_url"))
                .body("components.schemas.MeetingLinkView.properties.keySet()",
                        hasItems("booking_id", "meeting_url", "is_admin", "scheduled_at"))
                .body("components.schemas.AdminBookingPage.properties.keySet()",
                        hasItems("bookings", "total", "limit", "offset", "meeting_links_status"));
    }
}
