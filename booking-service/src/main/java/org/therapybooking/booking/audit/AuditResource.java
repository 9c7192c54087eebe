package org.therapybooking.booking.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.commons.time.InstantOrDate;

/** The audit trail, newest first (docs/api.md "Audit trail"). */
@Path("/api/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AuditResource {

    private final AuditTrail trail;
    private final CurrentUser currentUser;

    AuditResource(AuditTrail trail, CurrentUser currentUser) {
        this.trail = trail;
        this.currentUser = currentUser;
    }

    public record Query(
            @QueryParam("subject_user_id") @Pattern(regexp = "[0-9]{1,18}", message = "must be a user id") String subjectUserId,
            @QueryParam("actor_user_id") @Pattern(regexp = "[0-9]{1,18}", message = "must be a user id") String actorUserId,
            @QueryParam("from") InstantOrDate from,
            @QueryParam("to") InstantOrDate to,
            @QueryParam("limit") @Min(1) @Max(200) Integer limit,
            @QueryParam("offset") @Min(0) Integer offset) {
    }

    @GET
    public AuditTrail.Page list(@Valid @BeanParam Query query) {
        // who looked at whose data is the practice's to review, not a colleague's
        currentUser.requirePracticeAdmin();
        return trail.find(query.subjectUserId() == null ? null : Long.valueOf(query.subjectUserId()),
                query.actorUserId() == null ? null : Long.valueOf(query.actorUserId()),
                InstantOrDate.of(query.from()), InstantOrDate.of(query.to()),
                query.limit() == null ? 50 : query.limit(), query.offset() == null ? 0 : query.offset());
    }
}
