package org.therapybooking.meetinglink.link;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.therapybooking.meetinglink.support.ServiceTokens.asService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.therapybooking.meetinglink.api.MeetingLinkApi;
import org.therapybooking.meetinglink.jitsi.JitsiHashParser;
import org.therapybooking.meetinglink.support.HandlerThreadFilter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The HTTP contract, over real HTTP, in public (no token) mode. */
@QuarkusTest
class MeetingLinkResourceTest {

    private static final String ROOM = "booking-123-1795000000-k3x9q2m7";
    private static final String LINKS = MeetingLinkApi.PATH;
    private static final String BATCH = MeetingLinkApi.PATH + "/batch";

    static Map<String, Object> body(String room, String role, String first) {
        return Map.of("room", room, "role", role,
                "participant", Map.of("id", "45", "first_name", first, "last_name", "O'Brien", "email", "zoe@example.org"),
                "session", Map.of("starts_at", "2026-12-01T10:00:00Z", "duration", 60));
    }

    @Test
    void createsTheContractExample() {
        String url = asService().contentType(ContentType.JSON).body(body(ROOM, "client", "Zoë"))
                .post(LINKS)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("meeting_url", equalTo("https://meet.jit.si/" + ROOM
                        + "#userInfo.displayName=%22Zo%C3%AB%20O'Brien%22&config.prejoinConfig.enabled=true"))
                .body("display_name", equalTo("Zoë O'Brien"))
                .body("role", equalTo("client"))
                .body("moderator_guaranteed", equalTo(false))
                .body("expires_at", nullValue())
                .extract().path("meeting_url");
        assertEquals("Zoë O'Brien", JitsiHashParser.parse(url).hash().get("userInfo.displayName").textValue());
    }

    @Test
    void hostileNameOverHttpStillRoundTrips() {
        String evil = "\"&config.startWithAudioMuted=true#x 😀 محمد";
        String url = asService().contentType(ContentType.JSON).body(body(ROOM, "client", evil))
                .post(LINKS).then().statusCode(200).extract().path("meeting_url");
        var parsed = JitsiHashParser.parse(url);
        assertEquals(evil + " O'Brien", parsed.hash().get("userInfo.displayName").textValue());
        assertEquals(Set.of("userInfo.displayName", "config.prejoinConfig.enabled"), parsed.hash().keySet());
    }

    @Test
    void sessionIsOptionalAndDisplayNameMayBeGiven() {
        asService().contentType(ContentType.JSON)
                .body(Map.of("room", "https://meet.jit.si/" + ROOM, "role", "host",
                        "participant", Map.of("display_name", "Dr. Smith")))
                .post(LINKS)
                .then().statusCode(200)
                .body("meeting_url", equalTo("https://meet.jit.si/" + ROOM
                        + "#userInfo.displayName=%22Dr.%20Smith%22&config.startWithAudioMuted=false&config.startWithVideoMuted=false"))
                .body("role", equalTo("host"))
                .body("moderator_guaranteed", equalTo(false));
    }

    @Test
    void batchKeepsOrder() {
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(body("room-" + i, i % 3 == 0 ? "host" : "client", "P" + i));
        }
        var links = asService().contentType(ContentType.JSON).body(Map.of("requests", requests))
                .post(BATCH)
                .then().statusCode(200).body("links", hasSize(50))
                .extract().jsonPath().getList("links", Map.class);
        for (int i = 0; i < 50; i++) {
            assertEquals("P" + i + " O'Brien", links.get(i).get("display_name"));
            assertEquals(i % 3 == 0 ? "host" : "client", links.get(i).get("role"));
            assertEquals(true, ((String) links.get(i).get("meeting_url")).startsWith("https://meet.jit.si/room-" + i + "#"));
        }
    }

    @Test
    void aBatchOfTheContractLimitIsAnswered() {
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < MeetingLinkApi.MAX_BATCH; i++) {
            requests.add(body("room-" + i, "client", "P"));
        }
        asService().contentType(ContentType.JSON).body(Map.of("requests", requests))
                .post(BATCH).then().statusCode(200).body("links", hasSize(MeetingLinkApi.MAX_BATCH));
    }

    @Test
    void emptyBatchIsRejected() {
        asService().contentType(ContentType.JSON).body(Map.of("requests", List.of()))
                .post(BATCH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("requests"));
    }

    @Test
    void batchItemErrorsNameTheItem() {
        List<Map<String, Object>> requests = List.of(body(ROOM, "client", "A"), body("https://evil.example/x", "client", "B"),
                Map.of("room", ROOM, "role", "admin", "participant", Map.of()));
        asService().contentType(ContentType.JSON).body(Map.of("requests", requests))
                .post(BATCH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("requests[2].role"));
    }

    @Test
    void missingParticipantAndRole() {
        asService().contentType(ContentType.JSON).body(Map.of("room", ROOM))
                .post(LINKS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("participant", "role"));
    }

    @Test
    void foreignHostIsRejected() {
        asService().contentType(ContentType.JSON).body(body("https://evil.example/" + ROOM, "client", "Zoë"))
                .post(LINKS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("room"));
    }

    @Test
    void singleLinkIsAnsweredOnTheEventLoopAndBatchOnAWorker() {
        asService().contentType(ContentType.JSON).body(body(ROOM, "client", "Zoë")).post(LINKS)
                .then().statusCode(200).header(HandlerThreadFilter.HEADER, "true");
        asService().contentType(ContentType.JSON).body(Map.of("requests", List.of(body(ROOM, "client", "Zoë")))).post(BATCH)
                .then().statusCode(200).header(HandlerThreadFilter.HEADER, "false");
    }

    @Test
    void benchEndpointsAreNotPartOfTheService() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.therapybooking.meetinglink.bench.BareResource"));
        given().get("/bench/bare").then().statusCode(404);
        given().contentType(ContentType.JSON).body(body(ROOM, "client", "Zoë")).post("/bench/post-json")
                .then().statusCode(404);
    }
}
