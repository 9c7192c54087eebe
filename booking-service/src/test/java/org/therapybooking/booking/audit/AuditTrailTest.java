package org.therapybooking.booking.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Staff access to a client's data leaves an entry; the client's own access does not; entries cannot be changed. */
@QuarkusTest
class AuditTrailTest extends IntegrationTest {

    @Inject
    AuditTrail trail;

    private long adminId() {
        return api.as(api.adminToken()).get("/api/auth/me").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    private JsonPath entriesAbout(long userId) {
        return api.as(api.adminToken()).queryParam("subject_user_id", userId).get("/api/admin/audit").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void staffReadsAndChangesOfAClientsDataAreRecordedTheClientsOwnAreNot() {
        Api.UserAccount client = api.newUser();
        long booking = api.bookingId(client.token(), api.slot(1));
        // the client's own reads and changes: nothing to audit
        api.as(client.token()).get("/api/bookings/" + booking).then().statusCode(200);
        assertEquals(0, entriesAbout(client.id()).getLong("total"));

        long admin = adminId();
        api.as(api.adminToken()).queryParam("user_id", client.id()).get("/api/admin/bookings").then().statusCode(200);
        api.as(api.adminToken()).get("/api/bookings/" + booking).then().statusCode(200);
        api.as(api.adminToken()).queryParam("q", client.email()).get("/api/admin/users").then().statusCode(200);
        api.as(api.adminToken()).body(Map.of("reason", "therapist ill \"sorry\" & #1")).post("/api/admin/bookings/"
                + booking + "/cancel").then().statusCode(200);
        // a refused change leaves no entry: its transaction rolled back
        api.as(api.adminToken()).body(Map.of()).post("/api/admin/bookings/" + booking + "/cancel").then().statusCode(409);

        JsonPath entries = entriesAbout(client.id());
        assertEquals(4, entries.getLong("total"), entries.prettify());
        assertEquals(List.of("booking.cancel", "users.list", "booking.read", "bookings.list"),
                entries.getList("entries.action"), "newest first");
        assertEquals(List.of(admin, admin, admin, admin), entries.getList("entries.actor_user_id", Long.class));
        assertEquals("reason: therapist ill \"sorry\" & #1", entries.getString("entries[0].detail"));
        assertEquals(booking, entries.getLong("entries[0].booking_id"));
        assertEquals(booking, entries.getLong("entries[2].booking_id"));
        assertTrue(entries.getString("entries[1].detail").contains("q=" + client.email()));
        assertTrue(entries.getString("entries[3].detail").contains("user_id=" + client.id()));
        api.as(api.adminToken()).queryParam("actor_user_id", admin).queryParam("limit", 1).get("/api/admin/audit")
                .then().statusCode(200).body("entries.size()", equalTo(1)).body("limit", equalTo(1));
    }

    @Test
    void entriesCannotBeChangedOrDeletedOnlyTheRetentionPurgeRemovesOldOnes() {
        Api.UserAccount client = api.newUser();
        api.as(api.adminToken()).queryParam("user_id", client.id()).get("/api/admin/bookings").then().statusCode(200);
        long id = entriesAbout(client.id()).getLong("entries[0].id");
        assertThrows(IllegalStateException.class, () -> Db.update("update audit_event set actor_user_id = 0 where id = ?", id));
        assertThrows(IllegalStateException.class, () -> Db.update("delete from audit_event where id = ?", id));

        Timestamp fourYearsAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(4 * 365)));
        Db.update("insert into audit_event (occurred_at, actor_user_id, action, subject_user_ids) values (?, 1, "
                + "'booking.read', cast(? as bigint[]))", fourYearsAgo, "{" + client.id() + "}");
        assertEquals(2, entriesAbout(client.id()).getLong("total"));
        assertTrue(trail.purge() >= 1);
        assertEquals(1, entriesAbout(client.id()).getLong("total"), "the recent entry stays");
        assertEquals(id, entriesAbout(client.id()).getLong("entries[0].id"));
    }

    @Test
    void onlyStaffReadTheTrailAndBadFiltersAreRefused() {
        Api.UserAccount client = api.newUser();
        api.as(client.token()).get("/api/admin/audit").then().statusCode(403);
        api.as(api.adminToken()).queryParam("subject_user_id", "1 or 1=1").get("/api/admin/audit").then()
                .statusCode(400).body("errors.field", hasItem("subject_user_id"));
        api.as(api.adminToken()).queryParam("limit", 1000).get("/api/admin/audit").then().statusCode(400)
                .body("detail", containsString("invalid"));
        api.as(api.adminToken()).queryParam("from", "yesterday").get("/api/admin/audit").then().statusCode(400);
    }
}
