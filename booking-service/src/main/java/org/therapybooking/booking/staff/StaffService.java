package org.therapybooking.booking.staff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.therapybooking.booking.account.PasswordResetService;
import org.therapybooking.booking.auth.TokenVersions;
import org.therapybooking.booking.booking.Booking;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.schedule.Schedule;
import org.therapybooking.booking.user.Role;
import org.therapybooking.booking.user.User;
import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.time.TimeZones;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The practice's staff: practice admins add therapists (or other practice admins), who choose their password through
 * an e-mailed invitation, and deactivate them. A deactivated account cannot sign in, its sessions end and its slots
 * are no longer offered; its past bookings stay as they are.
 */
@ApplicationScoped
public class StaffService {
    private static final Logger LOG = Logger.getLogger(StaffService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordResetService invitations;
    private final TokenVersions tokenVersions;
    private final BookingConfig config;
    private final Clock clock;

    StaffService(PasswordResetService invitations, TokenVersions tokenVersions, BookingConfig config, Clock clock) {
        this.invitations = invitations;
        this.tokenVersions = tokenVersions;
        this.config = config;
        this.clock = clock;
    }

    public record NewStaff(String email, String firstName, String lastName, String timeZone, Role role) {
    }

    /** A staff member as the staff list shows them. */
    public record StaffView(long id, String email, String firstName, String lastName, String timeZone, Role role,
            boolean isAdmin, boolean active, Instant deactivatedAt, Instant createdAt) {
        static StaffView of(User user) {
            return new StaffView(user.id, user.email, user.firstName, user.lastName, user.timeZone, user.role,
                    user.admin, user.deactivatedAt == null, user.deactivatedAt, user.createdAt);
        }
    }

    @Transactional
    public List<StaffView> list() {
        return User.<User>list("role <> ?1 order by lower(lastName), lower(firstName), id", Role.CLIENT).stream()
                .map(StaffView::of).toList();
    }

    /** Creates the account with no usable password and e-mails the invitation, in one transaction. */
    public StaffView create(NewStaff staff) {
        if (staff.role() == Role.CLIENT) {
            throw ApiException.invalid("role", "must be therapist or practice_admin");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        // nobody knows it: the invitation link is the only way in
        String unusable = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(secret));
        return QuarkusTransaction.requiringNew().call(() -> {
            String email = staff.email().trim();
            if (User.findByEmail(email).isPresent()) {
                throw ApiException.conflict("An account with this e-mail address already exists");
            }
            Instant now = clock.instant();
            User user = new User();
            user.email = email;
            user.firstName = staff.firstName().trim();
            user.lastName = staff.lastName().trim();
            user.passwordHash = unusable;
            user.timeZone = TimeZones.parse(staff.timeZone() == null || staff.timeZone().isBlank()
                    ? config.practice().timeZone() : staff.timeZone()).getId();
            user.assign(staff.role());
            user.createdAt = now;
            user.persistAndFlush();
            invitations.invite(user, now);
            LOG.infof("staff account %d (%s) created; invitation sent", user.id, user.role.code());
            return StaffView.of(user);
        });
    }

    /**
     * Lets a deactivated staff member back in: they sign in with their password again (or ask for a reset link).
     * Their slots stay switched off until they or a practice admin switch them on.
     */
    @Transactional
    public StaffView reactivate(long staffId) {
        User user = User.lock(staffId);
        if (user == null || !user.role.isStaff()) {
            throw ApiException.notFound("Staff member");
        }
        user.deactivatedAt = null;
        LOG.infof("staff account %d reactivated", staffId);
        return StaffView.of(user);
    }

    /**
     * Deactivates a staff member: refused for oneself, and while they still have sessions booked ahead (move or
     * cancel those first, so no client is left with a session nobody will hold).
     */
    public StaffView deactivate(long staffId, long callerId) {
        if (staffId == callerId) {
            throw ApiException.conflict("You cannot deactivate your own account");
        }
        StaffView view = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            User user = User.lock(staffId);
            if (user == null || !user.role.isStaff()) {
                throw ApiException.notFound("Staff member");
            }
            if (user.deactivatedAt != null) {
                return StaffView.of(user);
            }
            long ahead = Booking.count("schedule.therapist.id = ?1 and status = ?2 and schedule.startsAt > ?3", staffId,
                    BookingStatus.SCHEDULED, now);
            if (ahead > 0) {
                throw ApiException.conflict(ahead + " booked sessions of this therapist lie ahead; reschedule or "
                        + "cancel them first");
            }
            user.deactivatedAt = now;
            tokenVersions.endSessions(user);
            Schedule.update("available = false, updatedAt = ?1 where therapist.id = ?2 and startsAt > ?1", now, staffId);
            return StaffView.of(user);
        });
        LOG.infof("staff account %d deactivated", staffId);
        return view;
    }
}
