package org.therapybooking.notification.support;

import java.time.Instant;
import java.util.UUID;

import org.therapybooking.localstack.testing.MeetingLinkStub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds booking events as booking-service publishes them (see docs/events/README.md). */
public final class TestEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    public static Person client(String first, String last, String email, String zone) {
        return new Person(45, first, last, email, zone);
    }

    public static Person host(String email) {
        return new Person(1, "Dana", "Smith", email, "Europe/Berlin");
    }

    public record Person(long userId, String firstName, String lastName, String email, String timeZone) {
        ObjectNode toJson() {
            ObjectNode n = JSON.createObjectNode();
            n.put("user_id", userId);
            n.put("first_name", firstName);
            n.put("last_name", lastName);
            n.put("email", email);
            n.put("time_zone", timeZone);
            return n;
        }
    }

    /** A booking at a given start; sequence raised by reschedule/cancel. */
    public record Booking(long id, Instant start, int duration, String room, int sequence, Person client, Person host) {
        public static Booking of(long id, String start, Person client, Person host) {
            return new Booking(id, Instant.parse(start), 50, room(id, 0), 0, client, host);
        }

        static String room(long id, int sequence) {
            return "booking-" + id + "-179500000" + sequence + "-k3x9q2m" + sequence;
        }

        public Booking rescheduledTo(String newStart) {
            return new Booking(id, Instant.parse(newStart), duration, room(id, sequence + 1), sequence + 1, client, host);
        }

        /** The same booking with another booked duration (minutes). */
        public Booking withDuration(int minutes) {
            return new Booking(id, start, minutes, room, sequence, client, host);
        }

        public Booking cancelled() {
            return new Booking(id, start, duration, room, sequence + 1, client, host);
        }

        ObjectNode toJson(String status, String paymentStatus) {
            ObjectNode b = JSON.createObjectNode();
            b.put("id", id);
            b.put("status", status);
            b.put("scheduled_at", start.toString());
            b.put("duration", duration);
            b.put("ends_at", start.plusSeconds(60L * duration).toString());
            b.put("jitsi_room_id", room);
            b.put("jitsi_room_url", MeetingLinkStub.JITSI_BASE + "/" + room);
            b.put("amount", "100.00");
            b.put("currency", "EUR");
            b.put("payment_status", paymentStatus);
            b.put("sequence", sequence);
            return b;
        }
    }

    public static ObjectNode created(Booking b) {
        return envelope("booking.created", b, "scheduled", "pending");
    }

    public static ObjectNode paid(Booking b) {
        return paid(b, "scheduled");
    }

    /** A payment confirmation carrying the booking's status at that time (e.g. already {@code cancelled}). */
    public static ObjectNode paid(Booking b, String status) {
        return envelope("booking.paid", b, status, "succeeded");
    }

    public static ObjectNode rescheduled(Booking previous, Booking now) {
        ObjectNode e = envelope("booking.rescheduled", now, "scheduled", "succeeded");
        e.put("previous_scheduled_at", previous.start().toString());
        e.put("previous_jitsi_room_id", previous.room());
        return e;
    }

    public static ObjectNode cancelled(Booking b, String by) {
        ObjectNode e = envelope("booking.cancelled", b, "cancelled", "succeeded");
        e.put("cancelled_by", by);
        e.put("reason", "client asked, politely; with a \\ and a newline\nhere");
        return e;
    }

    /** Released because it was not paid in time: cancelled, the payment still pending. */
    public static ObjectNode expired(Booking b) {
        return envelope("booking.expired", b, "cancelled", "pending");
    }

    /** The client joined at {@code clientJoinedAt} and the host had not, some minutes into the session. */
    public static ObjectNode clientWaiting(Booking b, Instant clientJoinedAt) {
        ObjectNode e = envelope("booking.client_waiting", b, "scheduled", "succeeded");
        ((ObjectNode) e.path("booking")).put("client_joined_at", clientJoinedAt.toString());
        return e;
    }

    /** The session is over and the client had joined it at {@code clientJoinedAt}. */
    public static ObjectNode completed(Booking b, Instant clientJoinedAt) {
        ObjectNode e = envelope("booking.completed", b, "completed", "succeeded");
        ((ObjectNode) e.path("booking")).put("client_joined_at", clientJoinedAt.toString());
        return e;
    }

    /** The session is over and the client never joined it. */
    public static ObjectNode noShow(Booking b) {
        return envelope("booking.no_show", b, "no_show", "pending");
    }

    private static ObjectNode envelope(String type, Booking b, String status, String paymentStatus) {
        ObjectNode e = JSON.createObjectNode();
        e.put("event_id", UUID.randomUUID().toString());
        e.put("event_type", type);
        e.put("event_version", 1);
        e.put("occurred_at", "2026-11-01T08:00:00.120Z");
        e.put("booking_id", b.id());
        e.set("booking", b.toJson(status, paymentStatus));
        e.set("recipient", b.client().toJson());
        e.set("host", b.host().toJson());
        return e;
    }

    /** An account event of {@code type} (docs/events/account-*.v1.schema.json) about one person, as of {@code at}. */
    public static ObjectNode account(String type, long userId, String firstName, String lastName, String email,
            String timeZone, String at) {
        ObjectNode event = JSON.createObjectNode();
        event.put("event_id", UUID.randomUUID().toString());
        event.put("event_type", type);
        event.put("event_version", 1);
        event.put("occurred_at", at);
        event.put("user_id", userId);
        ObjectNode account = event.putObject("account");
        account.put("user_id", userId);
        account.put("first_name", firstName);
        account.put("last_name", lastName);
        account.put("email", email);
        account.put("time_zone", timeZone);
        return event;
    }
}
