package org.therapybooking.meetinglink.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every rule and default of meeting-link-service. Documented in docs/meeting-links.md and the module README;
 * the environment variables named in the comments are wired in application.properties.
 */
@ConfigMapping(prefix = "meeting-links")
public interface MeetingLinkConfig {

    Jitsi jitsi();

    DisplayName displayName();

    Hash hash();

    Token token();

    Batch batch();

    interface Jitsi {
        /** Base URL of the Jitsi deployment, optionally with a tenant path (JaaS: https://8x8.vc/APP_ID). JITSI_BASE_URL. */
        @WithDefault("https://meet.jit.si")
        String baseUrl();

        /** none (public meet.jit.si, no token), jwt (self-hosted Prosody token auth) or jaas. JITSI_AUTH_MODE. */
        @WithDefault("none")
        AuthMode authMode();
    }

    enum AuthMode {
        NONE, JWT, JAAS
    }

    interface DisplayName {
        /** full_name | first_name_last_initial | first_name. DISPLAY_NAME_POLICY. */
        @WithDefault("full_name")
        String policy();

        /** Longest display name in Unicode code points; longer names are cut at a character boundary. */
        @WithDefault("64")
        int maxLength();

        /**
         * Whether the e-mail address may be shown to the other participants when no name is known. Off by default:
         * in therapy the address is personal data the other side does not need.
         */
        @WithDefault("false")
        boolean allowEmailFallback();

        Fallback fallback();

        interface Fallback {
            @WithDefault("Client")
            String client();

            @WithDefault("Therapist")
            String host();

            @WithDefault("Observer")
            String observer();

            @WithDefault("Presenter")
            String presenter();
        }
    }

    /** Jitsi config overrides put into the URL hash (only keys Jitsi's config whitelist accepts). */
    interface Hash {
        /** config.prejoinConfig.enabled for client, observer and presenter links: a device check before joining. */
        @WithDefault("true")
        boolean prejoinEnabled();

        /** config.prejoinConfig.enabled for host links; not set = leave the deployment default. */
        Optional<Boolean> hostPrejoinEnabled();

        /** config.lobby.autoKnock=true for non-host links: knock automatically when the host enabled the lobby. */
        @WithDefault("false")
        boolean lobbyAutoKnock();

        /** config.readOnlyName=true for non-host links: the participant cannot rename themselves. */
        @WithDefault("false")
        boolean readOnlyName();

        /** Observers join with microphone and camera off. */
        @WithDefault("true")
        boolean observerStartsMuted();
    }

    interface Token {
        /** Prosody app_id (jwt mode) or the JaaS AppID "vpaas-magic-cookie-...". JITSI_JWT_APP_ID. */
        Optional<String> appId();

        /** HS256 shared secret (jwt mode), at least 32 bytes. JITSI_JWT_SECRET. */
        Optional<String> secret();

        /** PKCS#8 PEM RSA private key file (jaas mode; optional RS256 for jwt mode). JITSI_JWT_PRIVATE_KEY_LOCATION. */
        Optional<String> privateKeyLocation();

        /** kid header: the JaaS API key id "vpaas-magic-cookie-.../abc123" or the asap key name. JITSI_JWT_KEY_ID. */
        Optional<String> keyId();

        /** aud claim. Default "jitsi" (both Prosody examples and JaaS). */
        @WithDefault("jitsi")
        String audience();

        /** iss claim. Default: the app id in jwt mode, "chat" in jaas mode. */
        Optional<String> issuer();

        /** sub claim. Default: the tenant (or host) of the base URL in jwt mode, the app id in jaas mode. */
        Optional<String> subject();

        /** Put the participant's e-mail into context.user.email (visible to other participants' clients). */
        @WithDefault("false")
        boolean includeEmail();

        /** nbf = session start minus this, so people can join a little early. */
        @WithDefault("PT15M")
        Duration earlyJoin();

        /** exp = session end plus this grace period, never later. */
        @WithDefault("PT15M")
        Duration grace();

        /** exp = now plus this when the request carries no session window. */
        @WithDefault("PT2H")
        Duration defaultTtl();

        /** nbf is set this far back from now when there is no session window, for clock skew. */
        @WithDefault("PT1M")
        Duration clockSkew();
    }

    interface Batch {
        /** Most links per batch request (the API contract says 200). */
        @WithDefault("200")
        @WithName("max-size")
        int maxSize();
    }
}
