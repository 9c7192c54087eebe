package org.therapybooking.booking.practice;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.practice.PracticeViews.AdminUserPage;

/** The therapist's list of accounts. */
@ApplicationScoped
public class AdminUserService {

    private final PracticeQueries queries;
    private final BookingConfig config;
    private final Clock clock;

    public AdminUserService(PracticeQueries queries, BookingConfig config, Clock clock) {
        this.queries = queries;
        this.config = config;
        this.clock = clock;
    }

    /**
     * One page of the accounts whose first name, last name, full name or e-mail contains {@code search} (any case;
     * blank or null: every account), with the same page rules as the admin booking list. A therapist
     * ({@code therapistId}) sees only the people who booked one of their slots.
     */
    @Transactional
    public AdminUserPage list(String search, Long therapistId, Integer limit, Integer offset) {
        int pageSize = Math.min(limit == null ? config.bookings().defaultPageSize() : limit,
                config.bookings().maxPageSize());
        int skip = offset == null ? 0 : offset;
        String pattern = search == null || search.isBlank() ? null : PracticeQueries.containing(search.trim());
        return new AdminUserPage(queries.users(pattern, therapistId, clock.instant(), pageSize, skip),
                queries.countUsers(pattern, therapistId),
                pageSize, skip);
    }
}
