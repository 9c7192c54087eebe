package org.therapybooking.meetinglink;

import org.therapybooking.meetinglink.api.MeetingLinkResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {
    @Test
    void healthAndOpenApiAnswer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        // the document names the properties the way the API does
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.MeetingLinkResponse.properties.keySet()",
                        containsInAnyOrder("meeting_url", "display_name", "role", "moderator_guaranteed", "expires_at"))
                .body("components.schemas.Participant.properties.keySet()", hasItem("first_name"));
    }
}
