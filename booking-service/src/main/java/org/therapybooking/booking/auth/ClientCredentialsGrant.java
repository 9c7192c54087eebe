package org.therapybooking.booking.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.therapybooking.booking.common.BookingConfig;

/**
 * The OAuth 2.0 client credentials grant (RFC 6749 §4.4) for internal callers: the client authenticates with HTTP
 * Basic ({@code client_secret_basic}, §2.3.1), names the audience it wants (the {@code audience} parameter; may be
 * left out when the client has exactly one), and gets a service token. Secrets are configured as SHA-256 hashes:
 * they are random machine secrets of at least 256 bits, which need no slow password hash (and a per-request bcrypt
 * would hand any caller of the endpoint a CPU lever).
 */
@ApplicationScoped
public class ClientCredentialsGrant {

    public static final String GRANT_TYPE = "client_credentials";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final BookingConfig config;
    private final ServiceTokens tokens;

    public ClientCredentialsGrant(BookingConfig config, ServiceTokens tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    /** A client misconfigured (a hash that is not one, the user-token audience) stops the start, not a request. */
    @PostConstruct
    void checkClients() {
        config.serviceTokens().clients().forEach((id, client) -> {
            client.secretSha256().ifPresent(hash -> {
                if (!SHA256_HEX.matcher(hash).matches()) {
                    throw new IllegalStateException("booking.service-tokens.clients." + id
                            + ".secret-sha256 must be 64 hex digits (sha256sum of the secret)");
                }
            });
            if (client.audiences().contains(config.jwt().audience())) {
                throw new IllegalStateException("service client " + id + " may not obtain tokens for the user-token "
                        + "audience " + config.jwt().audience());
            }
        });
    }

    /**
     * @param authorization the {@code Authorization} header
     * @param grantType {@code grant_type}
     * @param audience {@code audience}, or null
     */
    public ServiceTokens.Issued grant(String authorization, String grantType, String audience) {
        Credentials credentials = basic(authorization)
                .orElseThrow(() -> OAuthError.invalidClient("Client authentication with HTTP Basic is required."));
        BookingConfig.ServiceTokens.Client client = config.serviceTokens().clients().get(credentials.id());
        // unknown client and wrong secret answer alike
        if (client == null || client.secretSha256().isEmpty()
                || !MessageDigest.isEqual(sha256(credentials.secret()), HexFormat.of().parseHex(client.secretSha256().get()))) {
            throw OAuthError.invalidClient("Unknown client or wrong secret.");
        }
        if (grantType == null || grantType.isBlank()) {
            throw OAuthError.invalidRequest("grant_type", "is required");
        }
        if (!GRANT_TYPE.equals(grantType)) {
            throw OAuthError.unsupportedGrantType("only " + GRANT_TYPE + " is supported");
        }
        List<String> allowed = client.audiences();
        String target = audience == null || audience.isBlank()
                ? (allowed.size() == 1 ? allowed.get(0) : null)
                : audience;
        if (target == null) {
            throw OAuthError.invalidRequest("audience", "is required for this client");
        }
        if (!allowed.contains(target)) {
            throw OAuthError.invalidTarget("this client may not obtain tokens for " + target);
        }
        return tokens.issue(credentials.id(), target);
    }

    private record Credentials(String id, String secret) {
    }

    /** RFC 6749 §2.3.1: id and secret are form-encoded, then joined by a colon and Base64-encoded. */
    private static Optional<Credentials> basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Credentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
