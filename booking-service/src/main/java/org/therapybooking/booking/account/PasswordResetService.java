package org.therapybooking.booking.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.therapybooking.booking.auth.LimitWindows;
import org.therapybooking.booking.auth.LoginRateLimiter;
import org.therapybooking.booking.auth.TokenVersions;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.user.AccountEvents;
import org.therapybooking.booking.user.User;
import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.ProblemType;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Password reset by e-mail. A request answers the same whether or not the address has an account; for one that
 * has, a single-use token (256 random bits) is made, its SHA-256 stored, and the link handed to notification-service
 * through the outbox ({@code account.password_reset_requested}). Using the token sets the password, voids every other
 * open reset link of the account, ends its sessions (the token version) and tells the person by e-mail
 * ({@code account.password_changed}).
 */
@ApplicationScoped
public class PasswordResetService {

    private static final Logger LOG = Logger.getLogger(PasswordResetService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 bytes in unpadded base64url. */
    private static final String TOKEN_SHAPE = "[A-Za-z0-9_-]{43}";

    private final BookingConfig config;
    private final LimitWindows windows;
    private final AccountEvents events;
    private final TokenVersions tokenVersions;
    private final Clock clock;

    PasswordResetService(BookingConfig config, LimitWindows windows, AccountEvents events, TokenVersions tokenVersions,
            Clock clock) {
        this.config = config;
        this.windows = windows;
        this.events = events;
        this.tokenVersions = tokenVersions;
        this.clock = clock;
    }

    /** Counts the request against the address and the client, then sends a link if the address has an account. */
    public void request(String email, String clientAddress) {
        BookingConfig.PasswordReset reset = config.passwordReset();
        Instant now = clock.instant();
        String normalized = email.trim();
        List<LimitWindows.Window> counted = QuarkusTransaction.requiringNew().call(() -> windows.count(now,
                reset.window(), LimitWindows.key("reset-client", clientAddress),
                LimitWindows.key("reset-account", normalized.toLowerCase(Locale.ROOT))));
        if (counted.get(0).attempts() > reset.maxRequestsPerClient()) {
            throw ApiException.tooManyRequests("Too many password reset requests from this client",
                    counted.get(0).retryAfterSeconds(now, reset.window()));
        }
        if (counted.get(1).attempts() > reset.maxRequestsPerAccount()) {
            throw ApiException.tooManyRequests("Too many password reset requests for this address",
                    counted.get(1).retryAfterSeconds(now, reset.window()));
        }
        QuarkusTransaction.requiringNew().run(() -> User.findByEmail(normalized).ifPresent(user -> issue(user, now)));
    }

    private void issue(User user, Instant now) {
        if (user.deactivatedAt != null || user.erasedAt != null) {
            return; // nobody to let back in; the answer stays the same
        }
        Issued issued = newToken(user, now, config.passwordReset().lifetime(), null, config.passwordReset().pageUrl());
        events.passwordResetRequested(user, issued.link(), issued.expiresAt(), now);
        LOG.infof("password reset link issued for user %d, valid until %s", user.id, issued.expiresAt());
    }

    /**
     * A new staff account's invitation, in the caller's transaction: a set-password link of the same kind as a reset
     * link, valid longer ({@code booking.password-reset.invitation-lifetime}, default 7 days) and sent as an
     * invitation ({@code account.invited}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void invite(User user, Instant now) {
        Issued issued = newToken(user, now, config.passwordReset().invitationLifetime(), null,
                config.passwordReset().pageUrl());
        events.invited(user, issued.link(), issued.expiresAt(), now);
        LOG.infof("invitation issued for user %d, valid until %s", user.id, issued.expiresAt());
    }

    /** A link made: the token travels only in it, the stored row keeps its hash. */
    record Issued(String link, Instant expiresAt) {
    }

    /**
     * A single-use link: 256 random bits, only their SHA-256 stored. {@code verifiesEmail}: an address link for that
     * address (null: a password link).
     */
    Issued newToken(User user, Instant now, Duration lifetime, String verifiesEmail, String pageUrl) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        PasswordReset row = new PasswordReset();
        row.userId = user.id;
        row.tokenHash = hash(token);
        row.createdAt = now;
        row.expiresAt = now.plus(lifetime);
        if (verifiesEmail != null) {
            row.purpose = PasswordReset.EMAIL;
            row.email = verifiesEmail;
        }
        row.persist();
        return new Issued(pageUrl + "#token=" + token, row.expiresAt);
    }

    /** Sets the new password if the token is known, unused and unexpired; the outcome is the answer's detail. */
    public void confirm(String token, String newPassword) {
        if (token == null || !token.matches(TOKEN_SHAPE)) {
            throw unknownLink();
        }
        // bcrypt outside the transaction: no connection or lock is held while it runs
        String passwordHash = BcryptUtil.bcryptHash(newPassword);
        long userId = QuarkusTransaction.requiringNew().call(() -> apply(hash(token), passwordHash));
        LOG.infof("password of user %d reset; its earlier sessions end", userId);
    }

    /** @return the account's id */
    private long apply(byte[] tokenHash, String passwordHash) {
        Instant now = clock.instant();
        PasswordReset reset = PasswordReset.<PasswordReset>find("tokenHash = ?1 and purpose = ?2", tokenHash,
                PasswordReset.PASSWORD).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (reset == null) {
            throw unknownLink();
        }
        if (reset.usedAt != null) {
            throw new ApiException(ProblemType.GONE, "This reset link was already used. Ask for a new one if needed.");
        }
        if (!now.isBefore(reset.expiresAt)) {
            throw new ApiException(ProblemType.GONE, "This reset link has expired. Ask for a new one.");
        }
        User user = User.lock(reset.userId);
        user.passwordHash = passwordHash;
        tokenVersions.endSessions(user);
        if (user.emailVerifiedAt == null) {
            // the link reached the account's address: that verifies it
            user.emailVerifiedAt = now;
        }
        PasswordReset.update("usedAt = ?1 where userId = ?2 and usedAt is null and purpose = ?3", now, user.id,
                PasswordReset.PASSWORD);
        // a person locked out by failed logins can sign in with the new password at once
        windows.forget(LoginRateLimiter.accountKey(user.email));
        events.passwordChanged(user, now);
        return user.id;
    }

    static ApiException unknownLink() {
        return new ApiException(ProblemType.VALIDATION, "This reset link is not valid. Ask for a new one.");
    }

    /** Rows of links that expired more than a day ago (used or not) are of no further use. */
    @Scheduled(every = "1h", delayed = "10m")
    @Transactional
    void purgeExpired() {
        long deleted = PasswordReset.delete("expiresAt < ?1", clock.instant().minus(Duration.ofDays(1)));
        if (deleted > 0) {
            LOG.debugf("purged %d expired password reset rows", deleted);
        }
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
