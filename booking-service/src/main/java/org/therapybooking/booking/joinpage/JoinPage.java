package org.therapybooking.booking.joinpage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.therapybooking.booking.booking.BookingDetails;
import org.therapybooking.booking.common.BookingStatus;

import io.quarkus.qute.TemplateData;

/**
 * The page shown instead of the meeting, with its HTTP status. Times are in the participant's own zone; nothing on
 * it names the other participant or anything but the booking's time. {@code refreshSeconds} reloads a "too early"
 * page by itself when the link opens (no JavaScript needed).
 */
@TemplateData
public record JoinPage(int status, String kind, String title, String message, String startsAt, String opensAt,
        Long minutesUntilOpen, Long refreshSeconds, Long retryAfterSeconds, List<Detail> details, String joinHref) {

    /** One line of the booking page: a label and its value, both plain text. */
    @TemplateData
    public record Detail(String label, String value) {
    }

    JoinPage(int status, String kind, String title, String message, String startsAt, String opensAt,
            Long minutesUntilOpen, Long refreshSeconds, Long retryAfterSeconds) {
        this(status, kind, title, message, startsAt, opensAt, minutesUntilOpen, refreshSeconds, retryAfterSeconds,
                List.of(), null);
    }

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

    /**
     * The participant's booking page ({@code /j/{token}/booking}): the booking as it stands, in their zone, and the
     * join link while it can still open. A "manage" link in the emails for stacks without the front end.
     */
    static JoinPage booking(BookingDetails booking, ZoneId zone, boolean current, boolean client,
            Instant reschedulableUntil, Instant opensAt, Instant now, String joinHref) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Session", when(booking.scheduledAt(), zone)));
        details.add(new Detail("Length", booking.duration() + " minutes"));
        String state = switch (booking.status()) {
            case SCHEDULED -> current ? "Scheduled" : "Moved to the time above: a new link was sent to you by email";
            case CANCELLED -> "Cancelled";
            case COMPLETED -> "Completed";
            case NO_SHOW -> "Missed: nobody joined from the client's link";
        };
        details.add(new Detail("Status", state));
        details.add(new Detail("Payment", switch (booking.paymentStatus()) {
            case SUCCEEDED -> "Paid";
            case PENDING -> "Not paid yet";
            case FAILED -> "Payment failed: please try again in the app";
            case REFUNDED -> "Refunded";
        }));
        if (client && booking.status() == BookingStatus.SCHEDULED && now.isBefore(booking.scheduledAt())) {
            details.add(new Detail("You can cancel it until", when(booking.scheduledAt(), zone)));
            details.add(new Detail("You can move it until", now.isBefore(reschedulableUntil)
                    ? when(reschedulableUntil, zone) : "no longer: it starts too soon to be moved"));
        }
        if (joinHref != null && now.isBefore(opensAt)) {
            details.add(new Detail("The join link opens", when(opensAt, zone)));
        }
        return new JoinPage(200, "booking", "Your therapy session",
                client && booking.status() == BookingStatus.SCHEDULED
                        ? "Cancel or move it in the app, under your bookings."
                        : "The session as it stands now.",
                null, null, null, null, null, details, current ? joinHref : null);
    }

    private static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
