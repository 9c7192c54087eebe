package org.therapybooking.booking.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.therapybooking.booking.audit.AuditTrail;
import org.therapybooking.booking.auth.TokenVersions;
import org.therapybooking.booking.booking.Booking;
import org.therapybooking.booking.booking.BookingService;
import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.user.AccountEvents;
import org.therapybooking.booking.user.User;
import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.ProblemType;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Erases a client (docs/privacy.md "Erasure"), in one transaction: the account becomes an anonymous shell (no name,
 * address, phone, location or usable password; its sessions end), the notes on their bookings go, their future
 * bookings are cancelled with the usual event, sent outbox events that carried their data are deleted, and
 * {@code account.erased} tells notification-service to remove its copies. Bookings and payment records stay for
 * the practice's accounting, pointing at the shell. Staff accounts are not erased here.
 */
@ApplicationScoped
public class ErasureService {
    private static final Logger LOG = Logger.getLogger(ErasureService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String ERASED_DOMAIN = "erased.invalid";

    private final BookingService bookings;
    private final AccountEvents accountEvents;
    private final AuditTrail audit;
    private final Clock clock;
    private final TokenVersions tokenVersions;

    ErasureService(BookingService bookings, AccountEvents accountEvents, AuditTrail audit, Clock clock,
            TokenVersions tokenVersions) {
        this.tokenVersions = tokenVersions;
        this.bookings = bookings;
        this.accountEvents = accountEvents;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an erasure did. */
    public record Erased(long userId, Instant erasedAt, List<Long> cancelledBookingIds) {
    }

    /** The person erases their own account; the password confirms it is them (a stolen token alone cannot). */
    public Erased eraseSelf(long userId, String password) {
        User user = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(userId));
        if (user == null || user.erasedAt != null) {
            throw ApiException.notFound("User");
        }
        if (!BcryptUtil.matches(password, user.passwordHash)) {
            throw new ApiException(ProblemType.UNAUTHORIZED, "The password is wrong");
        }
        return erase(userId, userId, false);
    }

    /** Staff erase a client's account (at the client's request made elsewhere, e.g. by letter). */
    public Erased eraseByStaff(long userId, long staffUserId) {
        return erase(userId, staffUserId, true);
    }

    private Erased erase(long userId, long actorUserId, boolean byStaff) {
        // an unusable password: bcrypt of 256 random bits nobody knows, made outside the transaction
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String unusable = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(secret));
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            User user = User.lock(userId);
            if (user == null || user.erasedAt != null) {
                throw ApiException.notFound("User");
            }
            if (user.admin) {
                throw ApiException.conflict("Staff accounts are not erased through this endpoint");
            }
            user.email = "erased-" + user.id + "@" + ERASED_DOMAIN;
            user.firstName = "Erased";
            user.lastName = "client";
            user.phone = null;
            user.location = null;
            user.pendingEmail = null;
            user.passwordHash = unusable;
            tokenVersions.endSessions(user);
            user.erasedAt = now;
            List<Booking> owned = Booking.list("user.id", userId);
            List<Long> cancelled = new java.util.ArrayList<>();
            for (Booking booking : owned) {
                booking.notes = null;
                if (booking.status == BookingStatus.SCHEDULED && booking.schedule.startsAt.isAfter(now)) {
                    // the events are written after the anonymization: they carry no personal data
                    bookings.cancelForErasure(booking, byStaff);
                    cancelled.add(booking.id);
                }
            }
            PasswordReset.delete("userId", userId);
            // events already sent carried the person's name and address; unsent ones are still on their way
            List<Long> bookingIds = owned.stream().map(b -> b.id).toList();
            Booking.getEntityManager().createNativeQuery("""
                    delete from outbox_event where sent_at is not null and (
                        (aggregate_type = 'account' and aggregate_id = ?1)
                        or (aggregate_type = 'booking' and aggregate_id = any (cast(?2 as bigint[]))))""")
                    .setParameter(1, userId)
                    .setParameter(2, "{" + String.join(",", bookingIds.stream().map(String::valueOf).toList()) + "}")
                    .executeUpdate();
            accountEvents.erased(user, now);
            audit.record(actorUserId, AuditTrail.Action.ACCOUNT_ERASE, List.of(userId), null,
                    byStaff ? "erased by staff" : "erased at the person's own request");
            LOG.infof("user %d erased (%s); %d future bookings cancelled", userId, byStaff ? "by staff" : "own request",
                    cancelled.size());
            return new Erased(userId, now, cancelled);
        });
    }
}
