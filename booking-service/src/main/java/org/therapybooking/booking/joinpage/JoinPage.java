package org.therapybooking.booking.joinpage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.therapybooking.booking.booking.BookingDetails;

import io.quarkus.qute.TemplateData;

/**
 * The page shown instead of the meeting, with its HTTP status. Times are in the participant's own zone; nothing on
 * it names the other participant or anything but the booking's time. {@code refreshSeconds} reloads a "too early"
 * page by itself when the link opens (no JavaScript needed).
 */
@TemplateData
public record JoinPage(int status, String kind, String title, String message, String startsAt, String opensAt,
        Long minutesUntilOpen, Long refreshSeconds, Long retryAfterSeconds) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm",
            Locale.ENGLISH);
    /** A waiting page reloads at least this often, so a long wait ends on time even after a sleep or clock change. */
    private static final long MAX_REFRESH_SECONDS = 300;

    static JoinPage unknown() {
        return new JoinPage(404, "unknown", "This link does not open a session",
                "Open the link from your most recent email about this session, or sign in to see your bookings.",
                null, null, null, null, null);
    }

    static JoinPage cancelled(BookingDetails booking, ZoneId zone) {
        return new JoinPage(410, "cancelled", "This session was cancelled",
                "The session was cancelled, so its link no longer opens.", when(booking.scheduledAt(), zone), null,
                null, null, null);
    }

    static JoinPage moved(BookingDetails booking, ZoneId zone) {
        return new JoinPage(410, "moved", "This session has moved",
                "The session now takes place at the time below. A new link was sent to you by email; this one no "
                        + "longer opens.",
                when(booking.scheduledAt(), zone), null, null, null, null);
    }

    static JoinPage ended(BookingDetails booking, ZoneId zone) {
        return new JoinPage(410, "ended", "This session has ended",
                "The session is over, so its link no longer opens.", when(booking.scheduledAt(), zone), null, null,
                null, null);
    }

    static JoinPage tooEarly(BookingDetails booking, ZoneId zone, Instant opensAt, Instant now) {
        long seconds = Duration.between(now, opensAt).toSeconds() + 1;
        return new JoinPage(403, "too-early", "Your session has not started yet",
                "This link opens shortly before the session starts. Come back then, or keep this page open: it "
                        + "reloads by itself.",
                when(booking.scheduledAt(), zone), when(opensAt, zone), (seconds + 59) / 60,
                Math.min(seconds, MAX_REFRESH_SECONDS), null);
    }

    static JoinPage paymentNeeded(BookingDetails booking, ZoneId zone) {
        return new JoinPage(402, "payment", "Payment needed before you join",
                "This session is not paid yet. Pay for it under your bookings in the app, then open this link again.",
                when(booking.scheduledAt(), zone), null, null, null, null);
    }

    static JoinPage unavailable(long retryAfterSeconds) {
        return new JoinPage(503, "unavailable", "The meeting cannot be opened right now",
                "Please try again in a minute.", null, null, null, Math.min(retryAfterSeconds, MAX_REFRESH_SECONDS),
                retryAfterSeconds);
    }

    static JoinPage tooManyAttempts(long retryAfterSeconds) {
        return new JoinPage(429, "too-many", "Too many attempts",
                "Too many links that do not open came from your network. Please wait a few minutes, then open the "
                        + "link from your most recent email again.",
                null, null, null, null, retryAfterSeconds);
    }

    private static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
