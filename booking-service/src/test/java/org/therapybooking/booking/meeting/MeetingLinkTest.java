package org.therapybooking.booking.meeting;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.booking.support.ServiceTokenVerifier;
import org.therapybooking.localstack.testing.MeetingLinkStub;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.ParseException;

@QuarkusTest
class MeetingLinkTest extends IntegrationTest {

    @Test
    void callsToMeetingLinkServiceCarryAServiceTokenItAccepts() throws ParseException {
        Api.UserAccount user = api.newUser();
        api.book(user.token(), api.slot(1)).statusCode(201);
        String authorization = MeetingLinkStub.lastAuthorization();
        assertTrue(authorization.startsWith("Bearer "), authorization);
        JsonWebToken token = ServiceTokenVerifier.verifyFor("meeting-link-service", authorization.substring(7));
        assertEquals(Set.of("meeting-link-service"), token.getAudience());
        assertEquals("booking-service", token.getSubject());
        assertEquals(Set.of("service"), token.getGroups());
        assertEquals(300, token.getExpirationTime() - token.getIssuedAtTime());
        // cached: the next call reuses the token instead of signing a new one
        api.as(user.token()).get("/api/bookings").then().statusCode(200).body("meeting_links_status", equalTo("available"));
        assertEquals(authorization, MeetingLinkStub.lastAuthorization());
    }

    @Test
    void ownerGetsAClientLink() {
        Api.UserAccount user = api.newUser("Jo", "Doe");
        var booking = api.book(user.token(), api.slot(1)).statusCode(201).extract().jsonPath();
        long id = booking.getLong("id");
        api.as(user.token()).get("/api/meetings/" + id + "/link").then().statusCode(200)
                .body("booking_id", equalTo((int) id))
                .body("meeting_url", equalTo(MeetingLinkStub.JITSI_BASE + "/" + booking.getString("jitsi_room_id")
                        + "#userInfo.displayName=%22Jo%20Doe%22&config.prejoinConfig.enabled=true"))
                .body("display_name", equalTo("Jo Doe")).body("is_admin", is(false))
                .body("scheduled_at", equalTo(booking.getString("scheduled_at"))).body("duration", equalTo(60))
                .body("status", equalTo("scheduled"));
    }

    @Test
    void adminGetsAHostLinkForAnyBooking() {
        Api.UserAccount user = api.newUser();
        long id = api.bookingId(user.token(), api.slot(1));
        api.as(api.adminToken()).get("/api/meetings/" + id + "/link").then().statusCode(200)
                .body("is_admin", is(true)).body("display_name", equalTo("Dana Smith"))
                .body("meeting_url", containsString("config.startWithAudioMuted=false"));
    }

    @Test
    void everyViewPassesOnWhatMeetingLinkServiceSaysAboutTheLink() {
        Api.UserAccount user = api.newUser();
        var booking = api.as(user.token()).body(Map.of("schedule_id", api.slot(1), "duration", 45))
                .post("/api/bookings").then().statusCode(201)
                // a client link: no token, so no moderator guarantee and nothing expires
                .body("moderator_guaranteed", is(false)).body("link_expires_at", nullValue())
                .extract().jsonPath();
        long id = booking.getLong("id");
        String hostTokenExpiry = Instant.parse(booking.getString("ends_at"))
                .plusSeconds(MeetingLinkStub.HOST_TOKEN_GRACE_SECONDS).toString();
        api.as(user.token()).get("/api/bookings").then().statusCode(200)
                .body("bookings[0].moderator_guaranteed", is(false)).body("bookings[0].link_expires_at", nullValue());
        api.as(user.token()).get("/api/meetings/" + id + "/link").then().statusCode(200)
                .body("moderator_guaranteed", is(false)).body("expires_at", nullValue());
        // the therapist's host link is guaranteed here (a token) until the token's expiry, in every admin view
        api.as(api.adminToken()).get("/api/meetings/" + id + "/link").then().statusCode(200)
                .body("moderator_guaranteed", is(true)).body("expires_at", equalTo(hostTokenExpiry));
        api.as(api.adminToken()).get("/api/bookings/" + id).then().statusCode(200)
                .body("moderator_guaranteed", is(true)).body("link_expires_at", equalTo(hostTokenExpiry));
        api.as(api.adminToken()).queryParam("user_id", user.id()).get("/api/admin/bookings").then().statusCode(200)
                .body("bookings[0].moderator_guaranteed", is(true))
                .body("bookings[0].link_expires_at", equalTo(hostTokenExpiry));
        api.as(api.adminToken()).post("/api/admin/bookings/" + id + "/cancel").then().statusCode(200)
                .body("moderator_guaranteed", is(true)).body("link_expires_at", equalTo(hostTokenExpiry));
    }

    @Test
    void newResponseFieldsOfMeetingLinkServiceDoNotMakeLinksUnavailable() {
        // the stub adds a field this client does not know to the batch answer and to every link
        Api.UserAccount user = api.newUser("Jo", "Doe");
        long id = api.bookingId(user.token(), api.slot(1));
        api.as(user.token()).get("/api/bookings").then().statusCode(200)
                .body("meeting_links_status", equalTo("available"))
                .body("bookings[0].personalized_meeting_url", containsString("#userInfo.displayName=%22Jo%20Doe%22"));
        api.as(user.token()).get("/api/meetings/" + id + "/link").then().statusCode(200)
                .body("display_name", equalTo("Jo Doe"));
        // the answer behind that link really carried the unknown fields
        JsonNode answer = MeetingLinkStub.lastResponse();
        assertTrue(answer.has(MeetingLinkStub.EXTRA_FIELD), answer.toString());
        assertTrue(answer.path("links").path(0).has(MeetingLinkStub.EXTRA_FIELD), answer.toString());
    }

    @Test
    void theParticipantsEmailAddressIsNotSentToMeetingLinkService() {
        Api.UserAccount user = api.newUser("Jo", "Doe");
        long id = api.bookingId(user.token(), api.slot(1));
        api.as(user.token()).get("/api/meetings/" + id + "/link").then().statusCode(200);
        JsonNode request = MeetingLinkStub.lastRequest();
        JsonNode participant = request.path("requests").path(0).path("participant");
        assertEquals(String.valueOf(user.id()), participant.path("id").asText());
        assertEquals("Jo", participant.path("first_name").asText());
        assertTrue(participant.path("email").isMissingNode() || participant.path("email").isNull(),
                participant.toString());
        assertFalse(request.toString().contains(user.email()), request.toString());
    }

    @Test
    void unknownBookingIs404() {
        api.as(api.newUser().token()).get("/api/meetings/987654321/link").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void listsUseOneBatchCallPerPage() {
        Api.UserAccount user = api.newUser();
        for (int i = 0; i < 3; i++) {
            api.bookingId(user.token(), api.slot(1));
        }
        int before = MeetingLinkStub.batchCalls();
        api.as(user.token()).get("/api/bookings").then().statusCode(200).body("bookings", hasSize(3));
        assertEquals(1, MeetingLinkStub.batchCalls() - before);
    }

    @Test
    void whenMeetingLinkServiceIsDownListsDegradeAndTheLinkEndpointAnswers503() {
        Api.UserAccount user = api.newUser();
        long id = api.bookingId(user.token(), api.slot(1));
        MeetingLinkStub.stopServer();
        try {
            api.as(user.token()).get("/api/bookings").then().statusCode(200)
                    .body("meeting_links_status", equalTo("unavailable"))
                    .body("bookings", hasSize(1)).body("bookings[0].personalized_meeting_url", nullValue())
                    .body("bookings[0].moderator_guaranteed", nullValue()).body("bookings[0].link_expires_at", nullValue())
                    .body("bookings[0].jitsi_room_url", notNullValue());
            api.as(api.adminToken()).queryParam("user_id", user.id()).get("/api/admin/bookings").then()
                    .statusCode(200).body("meeting_links_status", equalTo("unavailable"))
                    .body("bookings.admin_meeting_url", everyItem(nullValue()));
            api.as(user.token()).get("/api/meetings/" + id + "/link").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue());
            // booking still works: links are not needed to write
            api.book(user.token(), api.slot(1)).statusCode(201).body("personalized_meeting_url", nullValue())
                    .body("meeting_links_status", equalTo("unavailable"));
        } finally {
            MeetingLinkStub.startServer();
        }
        api.as(user.token()).get("/api/meetings/" + id + "/link").then().statusCode(200);
    }
}
