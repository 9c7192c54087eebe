package org.therapybooking.booking.practice;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.therapybooking.booking.practice.PracticeViews.Dashboard;
import org.therapybooking.booking.practice.PracticeViews.Range;
import org.therapybooking.booking.user.UserService;
import org.therapybooking.commons.problem.ApiException;

/**
 * The practice at a glance. "Today" and "this week" (ISO week, Monday to Sunday) are calendar ranges in the given
 * time zone, or the calling therapist's; the other figures count the bookings starting in [from, to).
 */
@ApplicationScoped
public class DashboardService {

    private final PracticeQueries queries;
    private final UserService users;
    private final Clock clock;

    public DashboardService(PracticeQueries queries, UserService users, Clock clock) {
        this.queries = queries;
        this.users = users;
        this.clock = clock;
    }

    /**
     * @param from an instant, or a date meaning its start in the zone; default the first day of the current month
     * @param to the same, exclusive; default the first day of the next month
     */
    @Transactional
    /** @param therapistId a therapist's dashboard counts only their own slots; null: the whole practice */
    public Dashboard dashboard(long callerId, Long therapistId, String from, String to, ZoneId timeZone) {
        ZoneId zone = timeZone != null ? timeZone : ZoneId.of(users.get(callerId).timeZone);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Range day = new Range(start(today, zone), start(today.plusDays(1), zone));
        Range week = new Range(start(monday, zone), start(monday.plusWeeks(1), zone));
        LocalDate firstOfMonth = today.withDayOfMonth(1);
        Range range = new Range(bound("from", from, zone, start(firstOfMonth, zone)),
                bound("to", to, zone, start(firstOfMonth.plusMonths(1), zone)));
        if (!range.to().isAfter(range.from())) {
            throw ApiException.invalid("to", "must be after from");
        }
        PracticeQueries.SessionCounts sessions = queries.sessionCounts(therapistId, now, day.from(), day.to(), week.from(),
                week.to(), range.from(), range.to());
        Map<String, Long> payments = new LinkedHashMap<>();
        queries.paymentsByStatus(therapistId, range.from(), range.to()).forEach((status, count) -> payments.put(status.code(),
                count));
        return new Dashboard(now, zone.getId(), day, week, sessions.today(), sessions.thisWeek(), sessions.upcoming(),
                range, sessions.cancelledInRange(), sessions.completedInRange(), sessions.noShowsInRange(), payments, queries.revenue(therapistId, range.from(), range.to()));
    }

    private static Instant start(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    private static Instant bound(String name, String text, ZoneId zone, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return text.contains("T") ? Instant.parse(text.trim()) : start(LocalDate.parse(text.trim()), zone);
        } catch (DateTimeException e) {
            throw ApiException.invalid(name, "must be an ISO-8601 instant or a date as YYYY-MM-DD");
        }
    }
}
