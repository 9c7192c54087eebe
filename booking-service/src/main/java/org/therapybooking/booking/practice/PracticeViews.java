package org.therapybooking.booking.practice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Wire types of the therapist's views of the practice. */
public final class PracticeViews {

    private PracticeViews() {
    }

    /**
     * An account with its booking counts: {@code upcoming_bookings} are scheduled bookings starting at or after
     * now, {@code past_bookings} bookings that started before now and were not cancelled.
     */
    public record AdminUserView(long id, String email, String firstName, String lastName, String phone,
            String location, String timeZone, boolean isAdmin, Instant createdAt, long upcomingBookings,
            long pastBookings) {
    }

    public record AdminUserPage(List<AdminUserView> users, long total, int limit, int offset) {
    }

    /** A calendar range the figures were counted in: [from, to). */
    public record Range(Instant from, Instant to) {
    }

    /** The practice at a glance; see docs/api.md ("Therapist views") for the exact meaning of each figure. */
    public record Dashboard(Instant now, String timeZone, Range today, Range thisWeek, long sessionsToday,
            long sessionsThisWeek, long upcomingSessions, Range range, long cancellations, long completedSessions,
            long noShows, Map<String, Long> paymentsByStatus, List<Revenue> revenue) {
    }

    /** The sum of one currency's succeeded payments; amounts keep two decimals. */
    public record Revenue(String currency, BigDecimal amount) {
    }
}
