package org.therapybooking.booking.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.user.User;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Ends sessions when a password changes. Every access token carries the account's {@code token_version} at issue
 * (claim {@value #CLAIM}; tokens from before the claim existed count as 0); a password reset raises the stored value,
 * and a token below it is refused with 401 like an expired one.
 * <p>
 * The stored value is read at most once per account per {@code booking.jwt.token-version-cache} (default 5 s) on
 * each replica, not on every request: the replica that raised it knows at once, another one within that time.
 * Service tokens (a non-numeric subject) carry no version and are not checked.
 */
@ApplicationScoped
public class TokenVersions implements SecurityIdentityAugmentor {

    public static final String CLAIM = "tv";

    private record Cached(int version, long readAtNanos) {
    }

    private final AgroalDataSource dataSource;
    private final long cacheNanos;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
    private final TransactionSynchronizationRegistry transactions;

    TokenVersions(AgroalDataSource dataSource, BookingConfig config, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.cacheNanos = config.jwt().tokenVersionCache().toNanos();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getSubject() == null || !jwt.getSubject().matches("[0-9]{1,18}")) {
            return Uni.createFrom().item(identity);
        }
        long userId = Long.parseLong(jwt.getSubject());
        int tokenVersion = versionOf(jwt);
        Cached cached = cache.get(userId);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < cacheNanos) {
            // the common case: decided from memory, no hop to a worker thread
            return tokenVersion < cached.version() ? Uni.createFrom().failure(ended())
                    : Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            OptionalInt current = read(userId);
            if (current.isEmpty() || tokenVersion < current.getAsInt()) {
                throw ended();
            }
            return identity;
        });
    }

    /** The account is gone, or its sessions were ended after this token was issued. */
    private static AuthenticationFailedException ended() {
        return new AuthenticationFailedException("token issued before the account's sessions were ended");
    }

    /**
     * Ends every session of the account (password reset, erasure, deactivation): raises its token version in the
     * caller's transaction. Once that commits, this replica refuses the older tokens at once; another one within
     * the cache time. A rolled-back change ends nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endSessions(User user) {
        user.tokenVersion++;
        long userId = user.id;
        int version = user.tokenVersion;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    cache.put(userId, new Cached(version, System.nanoTime()));
                }
            }
        });
    }

    /** The stored version, read from the database and kept for the cache time. */
    private OptionalInt read(long userId) {
        long now = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select token_version from app_user where id = ?")) {
            select.setLong(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    cache.remove(userId);
                    return OptionalInt.empty();
                }
                int version = rs.getInt(1);
                // keep the higher value: endSessions() may have committed meanwhile
                cache.merge(userId, new Cached(version, now),
                        (old, fresh) -> old.version() > fresh.version() ? new Cached(old.version(), now) : fresh);
                return OptionalInt.of(version);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the account's token version", e);
        }
    }

    private static int versionOf(JsonWebToken jwt) {
        Object claim = jwt.getClaim(CLAIM);
        if (claim instanceof JsonNumber number) {
            return number.intValue();
        }
        if (claim instanceof Number number) {
            return number.intValue();
        }
        return 0;
    }
}
