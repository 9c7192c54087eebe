package org.therapybooking.booking.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.therapybooking.commons.persistence.SqlValues;
import org.therapybooking.booking.audit.AuditTrail;
import org.therapybooking.booking.booking.Booking;
import org.therapybooking.booking.booking.BookingDetails;
import org.therapybooking.booking.user.User;
import org.therapybooking.booking.user.UserView;
import org.therapybooking.commons.problem.ApiException;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Everything the practice's services hold about one person (docs/privacy.md "Export"): the account, every booking
 * with its payment records, which staff accessed their data (the audit trail), and what notification-service holds
 * (asked with booking-service's service token). All or nothing: an export missing a part would mislead, so when
 * notification-service cannot answer the export is refused with 503 and may be asked again.
 */
@ApplicationScoped
public class ExportService {
    private static final Logger LOG = Logger.getLogger(ExportService.class);

    private final EntityManager em;
    private final AuditTrail audit;
    private final NotificationServiceClient notificationService;
    private final Clock clock;

    ExportService(EntityManager em, AuditTrail audit, @RestClient NotificationServiceClient notificationService,
            Clock clock) {
        this.em = em;
        this.audit = audit;
        this.notificationService = notificationService;
        this.clock = clock;
    }

    public record Payment(String kind, String id, long bookingId, String status, Instant createdAt, Instant updatedAt) {
    }

    public record Export(Instant exportedAt, UserView account, Instant erasedAt, List<BookingDetails> bookings,
            List<Payment> payments, List<AuditTrail.Entry> staffAccess, JsonNode notificationService) {
    }

    public Export export(long userId) {
        Export ours = QuarkusTransaction.requiringNew().call(() -> ours(userId));
        JsonNode theirs;
        try {
            theirs = notificationService.person(userId);
        } catch (RuntimeException e) {
            LOG.warnf("export of user %d: notification-service did not answer (%s)", userId, e.toString());
            throw ApiException.unavailable("Part of your data is kept by a service that cannot be reached right now. "
                    + "Please ask again in a minute.", 60);
        }
        return new Export(ours.exportedAt(), ours.account(), ours.erasedAt(), ours.bookings(), ours.payments(),
                ours.staffAccess(), theirs);
    }

    /** Staff export a client's data for them; the audit trail says who and when. */
    public Export exportByStaff(long userId, long staffUserId) {
        Export export = export(userId);
        audit.record(staffUserId, AuditTrail.Action.ACCOUNT_EXPORT, List.of(userId), null, null);
        return export;
    }

    @SuppressWarnings("unchecked")
    private Export ours(long userId) {
        User user = User.findById(userId);
        if (user == null) {
            throw ApiException.notFound("User");
        }
        List<BookingDetails> bookings = Booking.<Booking>list("user.id = ?1 order by id", userId).stream()
                .map(BookingDetails::of).toList();
        List<Object[]> rows = em.createNativeQuery("""
                select 'payment_intent', i.id, i.booking_id, i.status, i.created_at, i.updated_at
                from payment_intent i join booking b on b.id = i.booking_id where b.user_id = ?1
                union all
                select 'refund', r.id, r.booking_id, r.status, r.created_at, r.updated_at
                from payment_refund r join booking b on b.id = r.booking_id where b.user_id = ?1
                order by 5, 2""").setParameter(1, userId).getResultList();
        List<Payment> payments = rows.stream().map(r -> new Payment((String) r[0], (String) r[1],
                ((Number) r[2]).longValue(), (String) r[3], SqlValues.instant(r[4]), SqlValues.instant(r[5]))).toList();
        // every entry: an export holds all of it, not a page
        List<AuditTrail.Entry> access = audit.find(userId, null, null, null, Integer.MAX_VALUE, 0).entries();
        return new Export(clock.instant(), UserView.of(user), user.erasedAt, bookings, payments, access, null);
    }

}
