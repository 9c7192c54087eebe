package org.therapybooking.meetinglink.config;

import java.time.Duration;
import java.util.Optional;

import org.therapybooking.meetinglink.api.MeetingLinkApi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every rule and default of meeting-link-service, each documented here (and for operators in the module README and
 * docs/meeting-links.md). Settings that deployments set by an environment variable of their own name read it in
 * their default ({@code ${JITSI_BASE_URL:...}}); every setting can also be given by its property name.
 */
@ConfigMapping(prefix = "meeting-links")
public interface MeetingLinkConfig {

    /** Which Jitsi deployment the links open, and how it authenticates. */
    Jitsi jitsi();

    /** How the name other participants see is chosen. */
    DisplayName displayName();

    /** Jitsi settings written into the URL hash. */
    Hash hash();

    /** The signed per-participant token (jwt and jaas modes only). */
    Token token();

    /** The batch endpoint. */
    Batch batch();

    interface Jitsi {
        /**
         * Base URL of the Jitsi deployment, optionally with a tenant path (JaaS: https://8x8.vc/APP_ID).
         * JITSI_BASE_URL.
         */
        @WithDefault("${JITSI_BASE_URL:https://meet.jit.si}")
        String baseUrl();

        /** none (public meet.jit.si, no token), jwt (self-hosted Prosody token auth) or jaas. JITSI_AUTH_MODE. */
        @WithDefault("${JITSI_AUTH_MODE:none}")
        AuthMode authMode();
    }

    enum AuthMode {
        NONE, JWT, JAAS
    }

    interface DisplayName {
        /** full_name | first_name_last_initial | first_name. DISPLAY_NAME_POLICY. */
        @WithDefault("${DISPLAY_NAME_POLICY:full_name}")
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

        /** The name shown when neither a display name, a name by policy nor an allowed e-mail is known. */
        Fallback fallback();

        interface Fallback {
            /** For client links. */
            @WithDefault("Client")
            String client();

            /** For host links (the therapist). */
            @WithDefault("Therapist")
            String host();

            /** For observer links. */
            @WithDefault("Observer")
            String observer();

            /** For presenter links. */
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
        /** Prosody app_id (jwt mode) or the JaaS AppID "vpaas-magic-cookie-...". JITSI_JWT_APP_ID; no default. */
        @WithDefault("${JITSI_JWT_APP_ID:}")
        Optional<String> appId();

        /** HS256 shared secret (jwt mode), at least 32 bytes. JITSI_JWT_SECRET; no default. */
        @WithDefault("${JITSI_JWT_SECRET:}")
        Optional<String> secret();

        /** PKCS#8 PEM RSA private key file (jaas mode; optional RS256 for jwt mode). JITSI_JWT_PRIVATE_KEY_LOCATION. */
        @WithDefault("${JITSI_JWT_PRIVATE_KEY_LOCATION:}")
        Optional<String> privateKeyLocation();

        /** kid header: the JaaS API key id "vpaas-magic-cookie-.../abc123" or the asap key name. JITSI_JWT_KEY_ID. */
        @WithDefault("${JITSI_JWT_KEY_ID:}")
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
        /** Most links per batch request; a larger batch is a validation problem. Default: the contract's limit. */
        @WithDefault("" + MeetingLinkApi.MAX_BATCH)
        @WithName("max-size")
        int maxSize();
    }
}
