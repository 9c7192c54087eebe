package org.therapybooking.booking.meeting;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.localstack.testing.MeetingLinkStub;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With the link cache on (the default outside tests): a list read again within the minute costs no call to
 * meeting-link-service, and a change that alters the link (here the participant's name) is never answered from it.
 */
@QuarkusTest
@TestProfile(MeetingLinkCacheTest.CacheOn.class)
class MeetingLinkCacheTest extends IntegrationTest {

    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("booking.meeting-links.cache-ttl", "PT60S");
        }
    }

    @Test
    void aListReadAgainIsAnsweredFromTheCacheUntilTheLinkWouldChange() {
        Api.UserAccount client = api.newUser("Zoë", "O'Brien & #1");
        api.bookingId(client.token(), api.slot(1));
        api.bookingId(client.token(), api.slot(1));

        int before = MeetingLinkStub.batchCalls();
        String first = list(client);
        assertEquals(0, MeetingLinkStub.batchCalls() - before, "the booking answers fetched these links a moment ago");
        assertEquals(first, list(client), "the same links again");
        assertEquals(0, MeetingLinkStub.batchCalls() - before, "read again: still from the cache");

        MeetingLinkStub.down(true);
        try {
            api.as(client.token()).get("/api/bookings").then().statusCode(200)
                    .body("meeting_links_status", equalTo("available"));
        } finally {
            MeetingLinkStub.down(false);
        }

        api.as(client.token()).contentType(ContentType.JSON).body(Map.of("first_name", "Renée"))
                .patch("/api/auth/me").then().statusCode(200);
        String renamed = list(client);
        assertEquals(1, MeetingLinkStub.batchCalls() - before, "a new name is a new request: asked again");
        assertNotEquals(first, renamed);
        api.as(client.token()).get("/api/bookings").then().body("bookings[0].personalized_meeting_url", containsString("Ren"));
    }

    private String list(Api.UserAccount client) {
        return api.as(client.token()).get("/api/bookings").then().statusCode(200)
                .body("meeting_links_status", equalTo("available")).extract().path("bookings.personalized_meeting_url").toString();
    }
}
