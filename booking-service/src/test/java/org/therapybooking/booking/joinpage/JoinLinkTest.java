package org.therapybooking.booking.joinpage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.therapybooking.booking.outbox.KafkaEvents;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.localstack.testing.MeetingLinkStub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The join links {@code /j/{token}} end to end against the real database: they open the meeting only in the join
 * window of the booking's current time, record who joined, and show a page (never the meeting) when too early,
 * ended, cancelled, moved, unknown or when meeting-link-service is down.
 */
@QuarkusTest
class JoinLinkTest extends IntegrationTest {

    private static final String BASE = "http://localhost:8080/j/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @AfterEach
    void restore() {
        clock.reset();
        MeetingLinkStub.down(false);
    }

    @Test
    void clientLinkOpensTheMeetingOnlyWithinItsWindowAndRecordsTheJoin() {
        Api.UserAccount client = api.newUser("Zoë", "O'Brien & Co");
        JsonPath booking = api.book(client.token(), api.slot(1)).statusCode(201).extract().jsonPath();
        long id = booking.getLong("id");
        markPaid(id);
        Instant start = Instant.parse(booking.getString("scheduled_at"));
        Instant end = Instant.parse(booking.getString("ends_at"));
        String joinUrl = booking.getString("join_url");
        assertTrue(joinUrl.startsWith(BASE), joinUrl);
        // the same link in every answer until the booking changes
        api.as(client.token()).get("/api/bookings/" + id).then().body("join_url", equalTo(joinUrl));
        api.as(client.token()).get("/api/meetings/" + id + "/link").then().body("join_url", equalTo(joinUrl));

        open(joinUrl).then().statusCode(403).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .body(containsString("has not started yet")).body(containsString("(Europe/Berlin)"))
                .body(containsString("http-equiv=\"refresh\"")).body(not(containsString("meet.example.test")));

        clock.advanceTo(start.minus(Duration.ofMinutes(14)));
        Instant joinedAt = clock.instant();
        open(joinUrl).then().statusCode(302).header("Location", equalTo(MeetingLinkStub.expectedUrl(
                booking.getString("jitsi_room_id"), "client", "Zoë", "O'Brien & Co")));
        api.as(api.adminToken()).get("/api/bookings/" + id).then().statusCode(200)
                .body("client_joined_at", notNullValue()).body("host_joined_at", nullValue());
        Instant recorded = Instant.parse(api.as(api.adminToken()).get("/api/bookings/" + id).then()
                .extract().jsonPath().getString("client_joined_at"));
        assertTrue(!recorded.isBefore(joinedAt) && recorded.isBefore(joinedAt.plusSeconds(60)), recorded.toString());

        // a second join moves the last join only
        clock.advanceTo(end.plus(Duration.ofMinutes(14)));
        open(joinUrl).then().statusCode(302);
        JsonPath admin = api.as(api.adminToken()).get("/api/bookings/" + id).then().extract().jsonPath();
        assertEquals(recorded, Instant.parse(admin.getString("client_joined_at")));
        assertTrue(Instant.parse(admin.getString("client_last_joined_at")).isAfter(end));

        clock.advanceTo(end.plus(Duration.ofMinutes(16)));
        open(joinUrl).then().statusCode(410).body(containsString("has ended"));
    }

    @Test
    void hostLinkIsTheAdminsAndJoinsAsHost() {
        Api.UserAccount client = api.newUser();
        long id = api.bookingId(client.token(), api.slot(1));
        JsonPath asAdmin = api.as(api.adminToken()).get("/api/bookings/" + id).then().statusCode(200)
                .extract().jsonPath();
        String hostUrl = asAdmin.getString("join_url");
        String clientUrl = api.as(client.token()).get("/api/bookings/" + id).then().extract().jsonPath()
                .getString("join_url");
        assertNotEquals(clientUrl, hostUrl);

        clock.advanceTo(Instant.parse(asAdmin.getString("scheduled_at")));
        open(hostUrl).then().statusCode(302).header("Location", equalTo(MeetingLinkStub.expectedUrl(
                asAdmin.getString("jitsi_room_id"), "host", "Dana", "Smith")));
        api.as(api.adminToken()).get("/api/bookings/" + id).then()
                .body("host_joined_at", notNullValue()).body("client_joined_at", nullValue());
    }

    @Test
    void anUnpaidClientIsAskedToPayWhileTheHostMayJoin() {
        // the test profile requires payment (JOIN_REQUIRES_PAYMENT=true); production's default does not
        Api.UserAccount client = api.newUser();
        long id = api.bookingId(client.token(), api.slot(1));
        JsonPath own = api.as(client.token()).get("/api/bookings/" + id).then().extract().jsonPath();
        String hostUrl = api.as(api.adminToken()).get("/api/bookings/" + id).then().extract().jsonPath()
                .getString("join_url");
        clock.advanceTo(Instant.parse(own.getString("scheduled_at")));
        open(own.getString("join_url")).then().statusCode(402).contentType(containsString("text/html"))
                .body(containsString("Payment needed")).body(containsString("(Europe/Berlin)"));
        open(hostUrl).then().statusCode(302);
        api.as(api.adminToken()).get("/api/bookings/" + id).then().body("client_joined_at", nullValue());
        markPaid(id);
        open(own.getString("join_url")).then().statusCode(302);
    }

    @Test
    void reschedulingVoidsTheOldLinkAndCancellingVoidsEvery() {
        Api.UserAccount client = api.newUser();
        long id = api.bookingId(client.token(), api.slot(1));
        markPaid(id);
        String before = api.as(client.token()).get("/api/bookings/" + id).then().extract().jsonPath()
                .getString("join_url");

        JsonPath moved = api.as(client.token()).body(Map.of("new_schedule_id", api.slot(1)))
                .put("/api/bookings/" + id + "/reschedule").then().statusCode(200).extract().jsonPath();
        String after = moved.getString("join_url");
        assertNotEquals(before, after);
        String newStart = moved.getString("scheduled_at");

        clock.advanceTo(Instant.parse(newStart));
        open(before).then().statusCode(410).body(containsString("has moved"))
                .body(containsString("A new link was sent"));
        open(after).then().statusCode(302);

        clock.reset();
        api.as(client.token()).body(Map.of()).post("/api/bookings/" + id + "/cancel").then().statusCode(200);
        open(after).then().statusCode(410).body(containsString("was cancelled"));
        open(before).then().statusCode(410).body(containsString("was cancelled"));
    }

    @Test
    void eventsCarryEachSidesJoinLinkForTheBookingAsItStands() throws Exception {
        Api.UserAccount client = api.newUser();
        long id = api.bookingId(client.token(), api.slot(1));
        markPaid(id);
        JsonPath moved = api.as(client.token()).body(Map.of("new_schedule_id", api.slot(1)))
                .put("/api/bookings/" + id + "/reschedule").then().statusCode(200).extract().jsonPath();
        String key = String.valueOf(id);
        KafkaEvents.awaitSent(Set.of(key));
        List<KafkaEvents.Event> events = KafkaEvents.readToEnd(Set.of(key));
        assertEquals(List.of("booking.created", "booking.rescheduled"),
                events.stream().map(KafkaEvents.Event::eventType).toList());
        JsonNode created = JSON.readTree(events.get(0).value());
        JsonNode rescheduled = JSON.readTree(events.get(1).value());
        // the reschedule's event has the links the API shows now; the created event's client link is the old one
        assertEquals(moved.getString("join_url"), rescheduled.path("recipient").path("join_url").asText());
        String oldClientLink = created.path("recipient").path("join_url").asText();
        assertNotEquals(oldClientLink, moved.getString("join_url"));

        clock.advanceTo(Instant.parse(moved.getString("scheduled_at")));
        open(oldClientLink).then().statusCode(410).body(containsString("has moved"));
        open(rescheduled.path("recipient").path("join_url").asText()).then().statusCode(302);
        // the host's link is the slot's therapist's, as host
        open(rescheduled.path("host").path("join_url").asText()).then().statusCode(302).header("Location",
                equalTo(MeetingLinkStub.expectedUrl(moved.getString("jitsi_room_id"), "host", "Dana", "Smith")));
    }

    @Test
    void theBookingPageShowsTheBookingAsItStandsInTheParticipantsZone() throws Exception {
        Api.UserAccount client = api.newUser();
        long id = api.bookingId(client.token(), api.slot(1));
        JsonPath own = api.as(client.token()).get("/api/bookings/" + id).then().extract().jsonPath();
        String link = own.getString("join_url");
        String start = own.getString("scheduled_at");

        String page = bookingPage(link).then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .body(containsString("<h1>Your therapy session</h1>")).body(containsString("(Europe/Berlin)"))
                .body(containsString("<dd>Scheduled</dd>")).body(containsString("<dd>Not paid yet</dd>"))
                .body(containsString("You can cancel it until")).body(containsString("You can move it until"))
                .body(containsString("The join link opens"))
                .body(containsString("href=\"../" + link.substring(BASE.length()) + "\"")).extract().asString();
        // the move deadline is the start minus the reschedule notice (PT2H), shown in Berlin time
        String moveUntil = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", java.util.Locale.ENGLISH)
                .format(Instant.parse(start).minus(Duration.ofHours(2)).atZone(java.time.ZoneId.of("Europe/Berlin")));
        assertTrue(page.contains("<dd>" + moveUntil + " (Europe/Berlin)</dd>"), page);
        // the host's page does not offer the client's deadlines
        String hostLink = api.as(api.adminToken()).get("/api/bookings/" + id).then().extract().jsonPath()
                .getString("join_url");
        bookingPage(hostLink).then().statusCode(200).body(not(containsString("You can cancel it until")));

        // after a reschedule the old link's page says so and offers no join link; the new one does
        JsonPath moved = api.as(client.token()).body(Map.of("new_schedule_id", api.slot(1)))
                .put("/api/bookings/" + id + "/reschedule").then().statusCode(200).extract().jsonPath();
        bookingPage(link).then().statusCode(200).body(containsString("a new link was sent to you by email"))
                .body(not(containsString("Join the video session")));
        bookingPage(moved.getString("join_url")).then().statusCode(200).body(containsString("<dd>Scheduled</dd>"))
                .body(containsString("Join the video session"));

        // the events say until when the client may act themselves
        KafkaEvents.awaitSent(Set.of(String.valueOf(id)));
        JsonNode rescheduled = JSON.readTree(KafkaEvents.readToEnd(Set.of(String.valueOf(id))).stream()
                .filter(e -> e.eventType().equals("booking.rescheduled")).findFirst().orElseThrow().value());
        Instant newStart = Instant.parse(moved.getString("scheduled_at"));
        assertEquals(newStart, Instant.parse(rescheduled.path("booking").path("cancellable_until").asText()));
        assertEquals(newStart.minus(Duration.ofHours(2)),
                Instant.parse(rescheduled.path("booking").path("reschedulable_until").asText()));

        api.as(client.token()).body(Map.of()).post("/api/bookings/" + id + "/cancel").then().statusCode(200);
        bookingPage(moved.getString("join_url")).then().statusCode(200).body(containsString("<dd>Cancelled</dd>"))
                .body(not(containsString("You can cancel it until"))).body(not(containsString("Join the video")));
        given().redirects().follow(false).get("/j/" + forgedToken() + "/booking").then().statusCode(404)
                .body(containsString("does not open a session"));
    }

    @Test
    void theEmailLogoIsServed() {
        byte[] logo = given().get("/static/logo.png").then().statusCode(200).contentType("image/png").extract()
                .asByteArray();
        assertEquals(List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'),
                List.of(logo[0], logo[1], logo[2], logo[3]));
    }

    @Test
    void forgedAlteredAndMalformedTokensAllGetTheSameUnknownPage() {
        Api.UserAccount client = api.newUser();
        long id = api.bookingId(client.token(), api.slot(1));
        String real = api.as(client.token()).get("/api/bookings/" + id).then().extract().jsonPath()
                .getString("join_url").substring(BASE.length());
        // one character in the middle (the last one carries two unused bits, which a decoder may ignore)
        char middle = real.charAt(30);
        String altered = real.substring(0, 30) + (middle == 'A' ? 'B' : 'A') + real.substring(31);
        String forged = forgedToken();

        String unknownPage = given().redirects().follow(false).get("/j/" + forged).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("does not open a session"))
                .extract().asString();
        for (String token : new String[] {altered, real.substring(1), real + "A", "x", "%F0%9F%98%80", "'%22%3Cb%3E",
                "a".repeat(4000)}) {
            Response answer = given().redirects().follow(false).urlEncodingEnabled(false).get("/j/" + token);
            assertEquals(404, answer.statusCode(), token);
            assertEquals(unknownPage, answer.asString(), token);
        }
    }

    @Test
    void anAddressWhoseLinksKeepFailingIsHeldOffWhileOthersAreNot() {
        Api.UserAccount client = api.newUser();
        api.book(client.token(), api.slot(1)).statusCode(201);
        // an address of a documentation range (RFC 5737) no other test uses, new on every run
        String scanner = "203.0.113." + (1 + RANDOM.nextInt(250));
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", scanner).redirects().follow(false).get("/j/" + forgedToken())
                    .then().statusCode(404);
        }
        given().header("X-Forwarded-For", scanner).redirects().follow(false).get("/j/" + forgedToken())
                .then().statusCode(429).contentType(containsString("text/html")).header("Retry-After", notNullValue())
                .body(containsString("Too many attempts"));
        // even a good link, from that address; the same link from another address is unaffected
        String goodToken = api.as(client.token()).get("/api/bookings").then().extract().jsonPath()
                .getString("bookings[0].join_url").substring(BASE.length());
        given().header("X-Forwarded-For", scanner).redirects().follow(false).get("/j/" + goodToken)
                .then().statusCode(429);
        given().header("X-Forwarded-For", "198.51.100.7").redirects().follow(false).get("/j/" + goodToken)
                .then().statusCode(403).body(containsString("has not started yet"));
    }

    @Test
    void meetingLinkServiceDownShowsATryAgainPageAndRecordsNoJoin() {
        Api.UserAccount client = api.newUser();
        JsonPath booking = api.book(client.token(), api.slot(1)).statusCode(201).extract().jsonPath();
        markPaid(booking.getLong("id"));
        clock.advanceTo(Instant.parse(booking.getString("scheduled_at")));
        MeetingLinkStub.down(true);
        open(booking.getString("join_url")).then().statusCode(503).header("Retry-After", notNullValue())
                .body(containsString("cannot be opened right now"));
        MeetingLinkStub.down(false);
        api.as(api.adminToken()).get("/api/bookings/" + booking.getLong("id")).then()
                .body("client_joined_at", nullValue());
    }

    @Test
    void joinLinksAreNotForAnyApiCaller() {
        // the page is public; the API answers with links only to the booking's owner and to admins
        Api.UserAccount owner = api.newUser();
        Api.UserAccount other = api.newUser();
        long id = api.bookingId(owner.token(), api.slot(1));
        api.as(other.token()).get("/api/bookings/" + id).then().statusCode(404)
                .body(not(containsString("join_url")));
        given().get("/api/bookings/" + id).then().statusCode(401);
        given().redirects().follow(false).get("/j/").then().statusCode(startsWith4xx());
    }

    private static org.hamcrest.Matcher<Integer> startsWith4xx() {
        return org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                .and(org.hamcrest.Matchers.lessThan(500));
    }

    /** The payment provider's confirmation, as its webhook would record it (PaymentFlowTest covers that path). */
    private static void markPaid(long bookingId) {
        assertEquals(1, Db.update("update booking set payment_status = 'succeeded' where id = ?", bookingId));
    }

    /** 50 random bytes in the token's form: right length and alphabet, never a sealed claim. */
    private static String forgedToken() {
        byte[] random = new byte[50];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Opens a join link as a browser would, without following the redirect; the host part is the configured one. */
    private static Response bookingPage(String joinUrl) {
        assertTrue(joinUrl.startsWith(BASE), joinUrl);
        return given().redirects().follow(false).get("/j/" + joinUrl.substring(BASE.length()) + "/booking");
    }

    private static Response open(String joinUrl) {
        assertTrue(joinUrl.startsWith(BASE), joinUrl);
        return given().redirects().follow(false).get("/j/" + joinUrl.substring(BASE.length()));
    }
}
