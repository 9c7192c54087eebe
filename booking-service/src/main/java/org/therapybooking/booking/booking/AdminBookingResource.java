package org.therapybooking.booking.booking;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.booking.booking.BookingViews.AdminBookingPage;
import org.therapybooking.booking.booking.BookingViews.AdminBookingView;
import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.user.User;
import org.therapybooking.booking.user.UserService;

@Path("/api/admin/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminBookingResource {

    private static final Set<String> STATUSES = Set.of("scheduled", "cancelled", "completed");

    @Inject
    BookingService bookings;

    @Inject
    BookingLinks links;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    BookingConfig config;

    @GET
    public AdminBookingPage list(@QueryParam("status") String status, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("user_id") String userId, @QueryParam("limit") Integer limit,
            @QueryParam("offset") Integer offset) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalid("status", "must be one of " + STATUSES);
        }
        int pageSize = limit == null ? config.bookings().defaultPageSize() : limit;
        if (pageSize < 1) {
            throw ApiException.invalid("limit", "must be at least 1");
        }
        // larger pages are capped rather than refused; the answer's limit says what was applied
        pageSize = Math.min(pageSize, config.bookings().maxPageSize());
        int skip = offset == null ? 0 : offset;
        if (skip < 0) {
            throw ApiException.invalid("offset", "must not be negative");
        }
        Long user = null;
        if (userId != null && !userId.isBlank()) {
            if (!userId.matches("[0-9]{1,18}")) {
                throw ApiException.invalid("user_id", "must be a user id");
            }
            user = Long.parseLong(userId);
        }
        BookingService.Page page = bookings.adminList(new BookingService.AdminFilter(status, instant("from", from),
                instant("to", to), user, pageSize, skip));
        User admin = users.get(currentUser.id());
        BookingLinks.Linked linked = links.linksFor(page.bookings(), admin, BookingLinks.ROLE_HOST);
        List<AdminBookingView> views = new ArrayList<>();
        for (int i = 0; i < page.bookings().size(); i++) {
            views.add(new AdminBookingView(page.bookings().get(i), linked.urls().get(i)));
        }
        return new AdminBookingPage(views, page.total(), page.limit(), page.offset(),
                BookingResource.status(linked.available()));
    }

    @POST
    @Path("/{id}/cancel")
    public AdminBookingView cancel(@PathParam("id") long id, @Valid BookingResource.CancelRequest body) {
        BookingDetails booking = bookings.cancel(id, currentUser.id(), true, body == null ? null : body.reason());
        User admin = users.get(currentUser.id());
        return new AdminBookingView(booking,
                links.linksFor(List.of(booking), admin, BookingLinks.ROLE_HOST).urls().get(0));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException e2) {
                throw ApiException.invalid(field, "must be an ISO-8601 instant or a date YYYY-MM-DD");
            }
        }
    }
}
