package org.therapybooking.commons.jwt;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * smallrye-jwt's verification plus one rule it lacks, and a short memory of tokens it verified.
 * <p>
 * The rule: a token issued in the future ({@code iat} later than now plus the allowed clock skew) is refused.
 * smallrye-jwt requires {@code iat} but only compares it with {@code exp} and, with {@code mp.jwt.verify.token.age},
 * with the past; no setting rejects a future {@code iat}. The skew is the one already used for {@code exp}:
 * {@code mp.jwt.verify.clock.skew} (default 60 s). "Now" is the wall clock, as for smallrye-jwt's own {@code exp}
 * check (not the application's Clock, which tests move).
 * <p>
 * The memory: a client sends the same token with every request (booking-service sends its service token with every
 * call to meeting-link-service), and verifying it (parsing, an RSA signature, the claims) was half of
 * meeting-link-service's CPU under load. A token that passed is kept, by its exact text and the verification settings
 * it passed under, for at most {@link #REMEMBER_AT_MOST} and never past its {@code exp}; anything that failed is not
 * kept and fails again. The bound on the memory is also the bound on how long a token signed with a key just removed
 * from the key set is still accepted. Revocation does not depend on it: booking-service checks the token version of
 * every request after this step.
 * <p>
 * Active in every service that verifies tokens (those with quarkus-smallrye-jwt); a service without it excludes this
 * bean.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class IssuedAtVerifyingPrincipalFactory extends DefaultJWTCallerPrincipalFactory {

    static final Duration REMEMBER_AT_MOST = Duration.ofSeconds(60);

    /** The token's text and the settings it was verified under (compared by identity: one object per service). */
    private record Verified(JWTAuthContextInfo settings, String token) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Verified v && v.settings == settings && v.token.equals(token);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(settings) + token.hashCode();
        }
    }

    private final Cache<Verified, JWTCallerPrincipal> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfter(new Expiry<Verified, JWTCallerPrincipal>() {
                @Override
                public long expireAfterCreate(Verified key, JWTCallerPrincipal principal, long now) {
                    return rememberFor(principal.getExpirationTime(), System.currentTimeMillis()).toNanos();
                }

                @Override
                public long expireAfterUpdate(Verified key, JWTCallerPrincipal principal, long now, long left) {
                    return left;
                }

                @Override
                public long expireAfterRead(Verified key, JWTCallerPrincipal principal, long now, long left) {
                    return left;
                }
            })
            .build();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        Verified key = new Verified(authContextInfo, token);
        JWTCallerPrincipal known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        JWTCallerPrincipal principal = verify(token, authContextInfo);
        long now = System.currentTimeMillis() / 1000;
        if (principal.getIssuedAtTime() > now + authContextInfo.getClockSkew()) {
            throw new ParseException("token issued in the future: iat " + principal.getIssuedAtTime() + " is more than "
                    + authContextInfo.getClockSkew() + " s after now (" + now + ")");
        }
        if (!rememberFor(principal.getExpirationTime(), System.currentTimeMillis()).isZero()) {
            verified.put(key, principal);
        }
        return principal;
    }

    /** smallrye-jwt's own verification (signature, issuer, audience, exp, ...). */
    JWTCallerPrincipal verify(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        return super.parse(token, authContextInfo);
    }

    /** How long a verified token may be taken as verified: up to its exp (seconds), at most REMEMBER_AT_MOST. */
    static Duration rememberFor(long expSeconds, long nowMillis) {
        long left = expSeconds * 1000 - nowMillis;
        if (left <= 0) {
            return Duration.ZERO;
        }
        return left < REMEMBER_AT_MOST.toMillis() ? Duration.ofMillis(left) : REMEMBER_AT_MOST;
    }
}
