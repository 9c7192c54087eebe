package org.therapybooking.meetinglink.jitsi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.therapybooking.meetinglink.config.MeetingLinkConfig;
import org.therapybooking.meetinglink.config.MeetingLinkConfig.AuthMode;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.build.JwtSignatureBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Signs one Jitsi JWT per participant (lib-jitsi-meet doc/tokens.md; JaaS "The Jitsi JSON Web Token").
 * <ul>
 * <li>{@code jwt} (self-hosted Prosody {@code authentication = "token"}): HS256 with the app secret, or RS256 with
 * a private key + kid when {@code asap_key_server} is used. Stock Prosody makes every token holder an owner, so the
 * role is carried as {@code context.user.affiliation} ("owner" for the host, "member" otherwise) for the
 * jitsi-contrib {@code token_affiliation} module (with Jicofo's auto-owner turned off).</li>
 * <li>{@code jaas}: RS256 with the JaaS API key (kid "AppID/keyId"), iss "chat", sub = AppID, and
 * {@code context.user.moderator} "true"/"false".</li>
 * </ul>
 * Always a concrete {@code room} (lower-cased, as Jitsi names MUC rooms), never "*"; nbf/exp bound to the session
 * window. Tokens are never logged.
 */
public final class JitsiTokenSigner {

    private final AuthMode mode;
    private final Key key;
    private final SignatureAlgorithm algorithm;
    private final Optional<String> keyId;
    private final String issuer;
    private final String audience;
    private final String subject;
    private final MeetingLinkConfig.Token cfg;
    private final Clock clock;

    public JitsiTokenSigner(MeetingLinkConfig config, JitsiDeployment deployment, Clock clock) {
        this.mode = config.jitsi().authMode();
        this.cfg = config.token();
        this.clock = clock;
        if (mode == AuthMode.NONE) {
            throw new IllegalStateException("no tokens in auth mode none");
        }
        String appId = require(cfg.appId(), "meeting-links.token.app-id (JITSI_JWT_APP_ID)");
        this.audience = cfg.audience();
        if (mode == AuthMode.JAAS) {
            this.key = loadPrivateKey(require(cfg.privateKeyLocation(),
                    "meeting-links.token.private-key-location (JITSI_JWT_PRIVATE_KEY_LOCATION)"));
            this.algorithm = SignatureAlgorithm.RS256;
            this.keyId = Optional.of(require(cfg.keyId(), "meeting-links.token.key-id (JITSI_JWT_KEY_ID)"));
            this.issuer = cfg.issuer().orElse("chat");
            this.subject = cfg.subject().orElse(appId);
        } else {
            if (cfg.privateKeyLocation().isPresent()) {
                this.key = loadPrivateKey(cfg.privateKeyLocation().get());
                this.algorithm = SignatureAlgorithm.RS256;
                this.keyId = Optional.of(require(cfg.keyId(), "meeting-links.token.key-id (JITSI_JWT_KEY_ID)"));
            } else {
                String secret = require(cfg.secret(), "meeting-links.token.secret (JITSI_JWT_SECRET)");
                byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
                if (bytes.length < 32) {
                    throw new IllegalArgumentException(
                            "JITSI_JWT_SECRET must be at least 32 bytes for HS256 (RFC 7518 section 3.2)");
                }
                this.key = new SecretKeySpec(bytes, "HmacSHA256");
                this.algorithm = SignatureAlgorithm.HS256;
                this.keyId = cfg.keyId();
            }
            this.issuer = cfg.issuer().orElse(appId);
            this.subject = cfg.subject().orElse(deployment.tenant().orElse(deployment.host()).toLowerCase(Locale.ROOT));
        }
    }

    /** Claims for one participant; the session window (both null when unknown) bounds nbf and exp. */
    public ParticipantToken sign(String room, String userId, String name, String email, boolean host,
            Instant sessionStart, Instant sessionEnd) {
        Instant now = clock.instant();
        Instant notBefore;
        Instant expires;
        if (sessionStart != null && sessionEnd != null) {
            notBefore = sessionStart.minus(cfg.earlyJoin());
            expires = sessionEnd.plus(cfg.grace());
        } else {
            notBefore = now.minus(cfg.clockSkew());
            expires = now.plus(cfg.defaultTtl());
        }

        Map<String, Object> user = new LinkedHashMap<>();
        // Jitsi requires every context.user value to be a string: absent beats null
        if (userId != null && !userId.isBlank()) {
            user.put("id", userId);
        }
        user.put("name", name);
        if (cfg.includeEmail() && email != null && !email.isBlank()) {
            user.put("email", email);
        }
        if (mode == AuthMode.JAAS) {
            user.put("moderator", host ? "true" : "false");
        } else {
            user.put("affiliation", host ? "owner" : "member");
        }

        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .claim("room", room.toLowerCase(Locale.ROOT))
                .claim("context", Map.of("user", user))
                .issuedAt(now.getEpochSecond())
                .claim("nbf", notBefore.getEpochSecond())
                .expiresAt(expires.getEpochSecond());
        JwtSignatureBuilder jws = claims.jws().algorithm(algorithm).type("JWT");
        keyId.ifPresent(jws::keyId);
        String token = key instanceof SecretKeySpec secret ? jws.sign(secret) : jws.sign((java.security.PrivateKey) key);
        return new ParticipantToken(token, Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    private static String require(Optional<String> value, String name) {
        return value.filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(name + " is required for this JITSI_AUTH_MODE"));
    }

    private static Key loadPrivateKey(String location) {
        try {
            Path path = Path.of(location);
            String pem = Files.isRegularFile(path) ? Files.readString(path) : KeyUtils.readKeyContent(location);
            return KeyUtils.decodePrivateKey(pem);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // the message names the location only, never key material
            throw new IllegalArgumentException("cannot read a PKCS#8 PEM RSA private key from " + location, e);
        }
    }
}
