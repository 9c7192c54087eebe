package org.therapybooking.booking.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.therapybooking.booking.common.BookingConfig;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Mints service tokens: RS256 with the current signing key (so every verifier finds it in the JWKS), issuer as for
 * user tokens, {@code sub} and {@code client_id} the calling service, {@code aud} the one service it may call,
 * {@code groups} [{@value #GROUP}] and a lifetime of minutes ({@code booking.service-tokens.*}). Users never get
 * the group, and no service token carries the user-token audience, so neither kind passes for the other.
 */
@ApplicationScoped
public class ServiceTokens {

    /** The only group a service token carries. */
    public static final String GROUP = "service";
    /** {@code sub} of the tokens booking-service mints for its own calls. */
    public static final String SELF = "booking-service";

    private final JwtKeys keys;
    private final BookingConfig config;
    private final Clock clock;
    private final Map<String, Issued> own = new ConcurrentHashMap<>();

    public ServiceTokens(JwtKeys keys, BookingConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    /** A token issued to {@code client} for {@code audience}; the caller has checked that the client may have it. */
    public Issued issue(String client, String audience) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.serviceTokens().lifespan());
        String token = Jwt.issuer(config.jwt().issuer())
                .audience(audience)
                .subject(client)
                .claim("client_id", client)
                .groups(Set.of(GROUP))
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString())
                .jws().keyId(keys.signingKeyId()).algorithm(SignatureAlgorithm.RS256)
                .sign(keys.signingKey());
        return new Issued(token, expiresAt, config.serviceTokens().lifespan().toSeconds());
    }

    /**
     * booking-service's own token for calls to {@code audience}: one per audience, reused until less than
     * {@code renew-before} of it is left (one RSA signature every few minutes, not one per call).
     */
    public String own(String audience) {
        Instant renewFrom = clock.instant().plus(config.serviceTokens().renewBefore());
        return own.compute(audience, (aud, cached) -> cached != null && cached.expiresAt().isAfter(renewFrom)
                ? cached
                : issue(SELF, aud)).token();
    }

    /** The Authorization header of booking-service's own calls to {@code audience} (for REST clients' header factories). */
    public MultivaluedMap<String, String> authorizationFor(String audience) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + own(audience));
        return headers;
    }

    /** A signed token, when it expires, and its lifetime in seconds ({@code expires_in}). */
    public record Issued(String token, Instant expiresAt, long expiresIn) {
    }
}
