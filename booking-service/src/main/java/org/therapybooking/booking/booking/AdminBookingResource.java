package org.therapybooking.booking.booking;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
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
import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.commons.persistence.Coded;
import org.therapybooking.booking.audit.AuditTrail;
import org.therapybooking.commons.time.InstantOrDate;

@Path("/api/admin/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminBookingResource {

    private final BookingService bookings;
    private final BookingViewAssembler views;
    private final CurrentUser currentUser;
    private final AuditTrail audit;

    public AdminBookingResource(BookingService bookings, BookingViewAssembler views, CurrentUser currentUser,
            AuditTrail audit) {
        this.audit = audit;
        this.bookings = bookings;
        this.views = views;
        this.currentUser = currentUser;
    }

    /**
     * The filters of {@code GET /api/admin/bookings}: {@code from}/{@code to} bound {@code scheduled_at} as
     * [from, to), each an instant or a date (UTC); {@code limit} defaults to and is capped by configuration.
     */
    public record Query(
            @QueryParam("status") @Pattern(regexp = "scheduled|cancelled|completed|no_show", message = "must be scheduled, cancelled, completed or no_show") String status,
            @QueryParam("from") InstantOrDate from,
            @QueryParam("to") InstantOrDate to,
            @QueryParam("user_id") @Pattern(regexp = "[0-9]{1,18}", message = "must be a user id") String userId,
            @QueryParam("limit") @Min(1) Integer limit,
            @QueryParam("offset") @Min(0) Integer offset) {
    }

    @GET
    public AdminBookingPage list(@Valid @BeanParam Query query) {
        BookingStatus status = query.status() == null ? null : Coded.fromCode(BookingStatus.class, query.status());
        BookingService.Page page = bookings.adminList(status, InstantOrDate.of(query.from()),
                InstantOrDate.of(query.to()), query.userId() == null ? null : Long.valueOf(query.userId()),
                currentUser.therapistScope(), query.limit(), query.offset());
        // whose bookings were shown, and whom the filter asked about (even when they have none)
        List<Long> subjects = new ArrayList<>(page.bookings().stream().map(BookingDetails::userId).toList());
        if (query.userId() != null) {
            subjects.add(Long.valueOf(query.userId()));
        }
        audit.record(currentUser.id(), AuditTrail.Action.BOOKINGS_LIST, subjects, null,
                "status=" + query.status() + " from=" + query.from() + " to=" + query.to() + " user_id="
                        + query.userId() + " offset=" + page.offset() + " limit=" + page.limit());
        return views.adminPage(page);
    }

    @POST
    @Path("/{id}/cancel")
    public AdminBookingView cancel(@PathParam("id") long id, @Valid BookingResource.CancelRequest body) {
        return views.adminView(bookings.cancel(id, currentUser.id(), true, currentUser.therapistScope(),
                body == null ? null : body.reason()));
    }
}
