package org.therapybooking.booking.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.user.User;
import org.therapybooking.booking.user.UserView;

import io.smallrye.jwt.build.Jwt;

/** Issues the RS256 access tokens every service verifies (issuer, audience, expiry, groups, kid). */
@ApplicationScoped
public class TokenService {

    private final JwtKeys keys;
    private final BookingConfig config;
    private final Clock clock;

    public TokenService(JwtKeys keys, BookingConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    public TokenResponse issue(User user) {
        Instant now = clock.instant();
        long lifespan = config.jwt().lifespan().toSeconds();
        String token = Jwt.issuer(config.jwt().issuer())
                .audience(config.jwt().audience())
                .subject(String.valueOf(user.id))
                .upn(user.email)
                .groups(Set.copyOf(user.groups()))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(lifespan))
                .claim("jti", UUID.randomUUID().toString())
                .claim(TokenVersions.CLAIM, user.tokenVersion)
                .jws().keyId(keys.signingKeyId()).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(keys.signingKey());
        return new TokenResponse(token, "Bearer", lifespan, token, UserView.of(user));
    }

    /**
     * The answer of login and register. {@code access_token}, {@code token_type} and {@code expires_in} are
     * OAuth 2.0's names; {@code token} (the same JWT) and {@code user} are what a frontend of the original API
     * reads, whose exact names the original's documents do not tell (docs/api.md).
     */
    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String token, UserView user) {
    }
}
