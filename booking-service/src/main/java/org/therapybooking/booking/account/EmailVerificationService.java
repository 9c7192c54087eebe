package org.therapybooking.booking.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.therapybooking.booking.auth.LimitWindows;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.user.AccountEvents;
import org.therapybooking.booking.user.User;
import org.therapybooking.booking.user.UserService;
import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.ProblemType;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Proof that an address is the person's: a single-use link sent to it (the same kind of token as a reset link,
 * purpose 'email'). Used for the account's own address (at registration when the practice requires it, or on
 * request) and for a change of address, which takes effect only when the link sent to the new address is used.
 */
@ApplicationScoped
public class EmailVerificationService {
    private static final Logger LOG = Logger.getLogger(EmailVerificationService.class);
    private static final int MAX_REQUESTS_PER_WINDOW = 3;

    private final PasswordResetService links;
    private final AccountEvents events;
    private final LimitWindows windows;
    private final BookingConfig config;
    private final Clock clock;

    EmailVerificationService(PasswordResetService links, AccountEvents events, LimitWindows windows,
            BookingConfig config, Clock clock) {
        this.links = links;
        this.events = events;
        this.windows = windows;
        this.config = config;
        this.clock = clock;
    }

    /** A new account: when the practice requires verified addresses, the link goes out with the registration. */
    void onRegistered(@Observes(during = TransactionPhase.IN_PROGRESS) UserService.Registered registered) {
        if (config.emailVerification().required()) {
            User user = User.findById(registered.userId());
            send(user, user.email, clock.instant());
        }
    }

    /** The person asks (again) for a link to verify their current address; nothing is sent once it is verified. */
    public boolean requestForCurrentAddress(long userId) {
        Instant now = clock.instant();
        countRequest(userId, now);
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = User.lock(userId);
            if (user.emailVerifiedAt != null) {
                return false;
            }
            send(user, user.email, now);
            return true;
        });
    }

    /**
     * A change of address: recorded as pending, and a link sent to the new address; the address the person signs in
     * with changes only when that link is used. The same address again changes nothing.
     */
    public void requestChange(long userId, String newEmail) {
        String email = newEmail.trim();
        Instant now = clock.instant();
        countRequest(userId, now);
        QuarkusTransaction.requiringNew().run(() -> {
            User user = User.lock(userId);
            if (user.email.equalsIgnoreCase(email)) {
                return;
            }
            if (User.findByEmail(email).isPresent()) {
                throw ApiException.conflict("An account with this e-mail address already exists");
            }
            user.pendingEmail = email;
            send(user, email, now);
        });
    }

    /** Uses a link: the address it names becomes the account's, verified. */
    public String confirm(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw PasswordResetService.unknownLink();
        }
        return QuarkusTransaction.requiringNew().call(() -> apply(PasswordResetService.hash(token)));
    }

    private String apply(byte[] tokenHash) {
        Instant now = clock.instant();
        PasswordReset link = PasswordReset.<PasswordReset>find("tokenHash = ?1 and purpose = ?2", tokenHash,
                PasswordReset.EMAIL).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (link == null) {
            throw PasswordResetService.unknownLink();
        }
        if (link.usedAt != null) {
            throw new ApiException(ProblemType.GONE, "This link was already used.");
        }
        if (!now.isBefore(link.expiresAt)) {
            throw new ApiException(ProblemType.GONE, "This link has expired. Ask for a new one.");
        }
        User user = User.lock(link.userId);
        boolean change = !user.email.equalsIgnoreCase(link.email);
        if (change) {
            if (User.findByEmail(link.email).filter(other -> !other.id.equals(user.id)).isPresent()) {
                throw ApiException.conflict("Meanwhile another account took this e-mail address");
            }
            if (!link.email.equalsIgnoreCase(user.pendingEmail)) {
                // a later change asked for another address: this older link no longer applies
                throw new ApiException(ProblemType.GONE, "This link was replaced by a newer one.");
            }
            user.email = link.email;
            user.pendingEmail = null;
        }
        user.emailVerifiedAt = now;
        PasswordReset.update("usedAt = ?1 where userId = ?2 and usedAt is null and purpose = ?3", now, user.id,
                PasswordReset.EMAIL);
        if (change) {
            // emails from now on go to the new address
            events.updated(user, now);
        }
        LOG.infof("address of user %d verified%s", user.id, change ? " (changed)" : "");
        return user.email;
    }

    private void send(User user, String address, Instant now) {
        PasswordResetService.Issued issued = links.newToken(user, now, config.emailVerification().lifetime(), address,
                config.emailVerification().pageUrl());
        events.emailVerificationRequested(user, issued.link(), issued.expiresAt(), address, now);
    }

    /** At most a few links per account and window: each one is an email to an address the person typed. */
    private void countRequest(long userId, Instant now) {
        List<LimitWindows.Window> counted = QuarkusTransaction.requiringNew().call(() -> windows.count(now,
                config.passwordReset().window(), LimitWindows.key("verify-account", Long.toString(userId))));
        if (counted.get(0).attempts() > MAX_REQUESTS_PER_WINDOW) {
            throw ApiException.tooManyRequests("Too many verification e-mails asked for",
                    counted.get(0).retryAfterSeconds(now, config.passwordReset().window()));
        }
    }
}
