package org.therapybooking.booking.attendance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.therapybooking.booking.outbox.KafkaEvents;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.localstack.EventContract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The attendance job against the real database and broker, moved through time by the test clock: session outcomes
 * once the join window has closed, and the "your client is waiting" event, each once, with two replicas' runs at
 * the same time. Its schedule never fires by itself in tests.
 */
@QuarkusTest
class AttendanceTest extends IntegrationTest {

    private static final String BASE = "http://localhost:8080/j/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AttendanceJob job;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSessionTheClientJoinedIsCompletedAndOneTheClientMissedIsANoShowEachOnce() throws Exception {
        String admin = api.adminToken();
        Api.UserAccount came = api.newUser();
        Api.UserAccount missed = api.newUser();
        JsonPath attended = booking(came, api.slot(1));
        // the missed session is the later one: when it is over, so is the other
        JsonPath absent = booking(missed, api.slot(1));
        long attendedId = attended.getLong("id");
        long absentId = absent.getLong("id");

        clock.advanceTo(start(attended).minus(Duration.ofMinutes(10)));
        open(attended.getString("join_url")).then().statusCode(302);
        clock.advanceTo(start(absent));
        open(hostLink(admin, absentId)).then().statusCode(302);

        // 14 minutes after its end the missed session's join window is still open: not decided yet; the earlier
        // session's window has closed
        clock.advanceTo(end(absent).plus(Duration.ofMinutes(14)));
        job.closeEndedSessions();
        assertEquals("completed", status(attendedId));
        assertEquals("scheduled", status(absentId));

        clock.advanceTo(end(absent).plus(Duration.ofMinutes(16)));
        replicasAtOnce(job::closeEndedSessions);
        job.closeEndedSessions();

        assertEquals("completed", status(attendedId));
        assertEquals("no_show", status(absentId));
        api.as(admin).get("/api/bookings/" + attendedId).then().statusCode(200).body("status", equalTo("completed"));
        api.as(missed.token()).get("/api/bookings/" + absentId).then().statusCode(200)
                .body("status", equalTo("no_show"));
        api.as(admin).queryParam("status", "no_show").queryParam("user_id", missed.id())
                .get("/api/admin/bookings").then().statusCode(200).body("bookings.id", hasItem((int) absentId))
                .body("total", equalTo(1));
        // an outcome is final: no cancel, no move, and the links answer that the session has ended
        api.as(came.token()).body(Map.of()).post("/api/bookings/" + attendedId + "/cancel").then().statusCode(409);
        api.as(admin).body(Map.of()).post("/api/admin/bookings/" + absentId + "/cancel").then().statusCode(409);
        open(attended.getString("join_url")).then().statusCode(410).body(containsString("has ended"));

        KafkaEvents.awaitSent(Set.of(String.valueOf(attendedId), String.valueOf(absentId)));
        JsonNode completed = only("booking.completed", attendedId);
        assertEquals(Set.of(), EventContract.violations("booking.completed", completed));
        assertEquals("completed", completed.path("booking").path("status").asText());
        assertTrue(completed.path("booking").has("client_joined_at"));
        assertEquals(0, events(attendedId, "booking.no_show"));
        JsonNode noShow = only("booking.no_show", absentId);
        assertEquals(Set.of(), EventContract.violations("booking.no_show", noShow));
        assertFalse(noShow.path("booking").has("client_joined_at"));
        assertTrue(noShow.path("booking").has("host_joined_at"), "the host came, the client did not");
        assertEquals(0, events(absentId, "booking.completed"));
    }

    @Test
    void theTherapistIsToldOnceWhenTheClientHasWaitedAndNotWhenBothCameOrNobody() throws Exception {
        String admin = api.adminToken();
        Api.UserAccount waiting = api.newUser();
        Api.UserAccount met = api.newUser();
        Api.UserAccount nobody = api.newUser();
        long slot = api.slot(3);
        JsonPath waits = booking(waiting, slot);
        JsonPath meets = booking(met, slot);
        JsonPath empty = booking(nobody, slot);
        long waitsId = waits.getLong("id");

        clock.advanceTo(start(waits).minus(Duration.ofMinutes(2)));
        open(waits.getString("join_url")).then().statusCode(302);
        open(meets.getString("join_url")).then().statusCode(302);
        clock.advanceTo(start(waits).plus(Duration.ofMinutes(3)));
        open(hostLink(admin, meets.getLong("id"))).then().statusCode(302);

        // 4 minutes in: not yet (the alert is due 5 minutes after the start in the test profile's default)
        clock.advanceTo(start(waits).plus(Duration.ofMinutes(4)));
        job.alertWaitingClients();
        assertEquals(0, events(waitsId, "booking.client_waiting"));

        clock.advanceTo(start(waits).plus(Duration.ofMinutes(6)));
        replicasAtOnce(job::alertWaitingClients);
        job.alertWaitingClients();
        assertEquals(1, events(waitsId, "booking.client_waiting"));
        assertEquals(0, events(meets.getLong("id"), "booking.client_waiting"), "the host joined");
        assertEquals(0, events(empty.getLong("id"), "booking.client_waiting"), "the client never joined");

        // the host joining later does not bring a second alert, nor does another run
        open(hostLink(admin, waitsId)).then().statusCode(302);
        job.alertWaitingClients();
        assertEquals(1, events(waitsId, "booking.client_waiting"));

        KafkaEvents.awaitSent(Set.of(String.valueOf(waitsId)));
        JsonNode alert = only("booking.client_waiting", waitsId);
        assertEquals(Set.of(), EventContract.violations("booking.client_waiting", alert));
        assertEquals("scheduled", alert.path("booking").path("status").asText());
        assertEquals(hostLink(admin, waitsId), alert.path("host").path("join_url").asText());
        assertEquals(waiting.email(), alert.path("recipient").path("email").asText());
    }

    @Test
    void aClientWhoComesLateAfterTheSessionEndedBringsNoAlert() {
        Api.UserAccount late = api.newUser();
        JsonPath booking = booking(late, api.slot(1));
        long id = booking.getLong("id");
        // joins in the window's last minutes, after the session's end: the therapist is not paged any more
        clock.advanceTo(end(booking).plus(Duration.ofMinutes(5)));
        open(booking.getString("join_url")).then().statusCode(302);
        job.alertWaitingClients();
        assertEquals(0, events(id, "booking.client_waiting"));
        clock.advanceTo(end(booking).plus(Duration.ofMinutes(16)));
        job.closeEndedSessions();
        assertEquals("completed", status(id));
    }

    /** A booking of a fresh slot, paid (the test profile requires payment to join). */
    private JsonPath booking(Api.UserAccount client, long slot) {
        JsonPath booking = api.book(client.token(), slot).statusCode(201).extract().jsonPath();
        assertEquals(1, Db.update("update booking set payment_status = 'succeeded' where id = ?",
                booking.getLong("id")));
        return booking;
    }

    private String hostLink(String admin, long id) {
        return api.as(admin).get("/api/bookings/" + id).then().statusCode(200).extract().jsonPath()
                .getString("join_url");
    }

    private static Instant start(JsonPath booking) {
        return Instant.parse(booking.getString("scheduled_at"));
    }

    private static Instant end(JsonPath booking) {
        return Instant.parse(booking.getString("ends_at"));
    }

    private static Response open(String joinUrl) {
        assertTrue(joinUrl.startsWith(BASE), joinUrl);
        return given().redirects().follow(false).get("/j/" + joinUrl.substring(BASE.length()));
    }

    private static String status(long booking) {
        return (String) Db.query("select status from booking where id = ?", booking).get(0)[0];
    }

    private static long events(long booking, String type) {
        return Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and event_type = ?", booking, type);
    }

    /** The one event of this type of the booking on the broker. */
    private static JsonNode only(String type, long booking) throws Exception {
        List<KafkaEvents.Event> found = KafkaEvents.readToEnd(Set.of(String.valueOf(booking))).stream()
                .filter(e -> e.eventType().equals(type)).toList();
        assertEquals(1, found.size(), type + " of booking " + booking + " on the broker exactly once");
        return JSON.readTree(found.get(0).value());
    }

    private static void replicasAtOnce(Callable<Integer> run) throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            for (Future<Integer> done : replicas.invokeAll(List.of(run, run))) {
                done.get();
            }
        } finally {
            replicas.shutdown();
        }
    }
}
