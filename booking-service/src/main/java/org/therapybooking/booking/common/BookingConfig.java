package org.therapybooking.booking.common;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every policy of booking-service. Each default is written once: here ({@code @WithDefault}), or, for a property
 * read from an environment variable of README.md, in application.properties as {@code ${VARIABLE:default}}, as
 * the javadoc says.
 */
@ConfigMapping(prefix = "booking")
public interface BookingConfig {

    Jwt jwt();

    Login login();

    PasswordReset passwordReset();

    EmailVerification emailVerification();

    Retention retention();

    /** How long records are kept once done (docs/privacy.md "Retention"). */
    interface Retention {
        /** Outbox rows Kafka acknowledged: deleted this long after. Longer than the topics keep records (7 days). */
        @WithDefault("P90D")
        Duration sentEvents();

        /**
         * Audit entries: three years, long enough to answer a client's or a regulator's question about past access,
         * then gone like any other record.
         */
        @WithDefault("P1095D")
        Duration audit();
    }

    Admin admin();

    Bookings bookings();

    Practice practice();

    Jitsi jitsi();

    MeetingLinks meetingLinks();

    JoinLinks joinLinks();

    Payment payment();

    Outbox outbox();

    ServiceTokens serviceTokens();

    /**
     * Service tokens: the short-lived RS256 tokens internal callers present to meeting-link-service (and any
     * other internal API), signed with the same key as user tokens but for another audience and with the group
     * {@code service} only. booking-service mints its own; other services obtain theirs with the OAuth 2.0 client
     * credentials grant at {@code POST /internal/oauth/token} (docs/api.md "Internal callers").
     */
    interface ServiceTokens {
        /** Lifetime of a service token; short, because a service token cannot be revoked. */
        @WithDefault("PT5M")
        Duration lifespan();

        /** booking-service's own cached token is replaced when less than this is left of it. */
        @WithDefault("PT1M")
        Duration renewBefore();

        /**
         * The clients that may obtain service tokens, by client id ({@code booking.service-tokens.clients.<id>.*};
         * notification-service's entry is in application.properties).
         */
        Map<String, Client> clients();

        interface Client {
            /**
             * SHA-256 of the client's secret, 64 hex digits; the secret itself (at least 32 random bytes) is known
             * to the client only. Absent: the client cannot obtain tokens.
             */
            Optional<String> secretSha256();

            /** The audiences this client may ask tokens for; never the user-token audience ({@code JWT_AUDIENCE}). */
            List<String> audiences();
        }
    }

    interface Jwt {
        /** PKCS#8 PEM private key (file path, or {@code classpath:} resource); {@code JWT_SIGN_KEY_LOCATION}, required. */
        String signKeyLocation();

        /** {@code kid} of the signing key; {@code JWT_SIGN_KEY_ID} (default {@code booking-service-1}). */
        String signKeyId();

        /** {@code iss} of issued tokens: always the issuer verification requires ({@code JWT_ISSUER}). */
        String issuer();

        /** {@code aud} of issued tokens: always the audience verification requires ({@code JWT_AUDIENCE}). */
        String audience();

        /** Lifetime of an issued token; {@code JWT_LIFESPAN} (default {@code PT24H}, as the original API's). */
        Duration lifespan();

        /** Previous public keys still published in the JWKS during a rotation, each {@code kid=location}. */
        Optional<List<String>> previousPublicKeys();

        /**
         * How long a replica trusts the token version it read for an account (auth.TokenVersions): the longest a
         * token from before a password change still works on a replica other than the one that changed it.
         */
        @WithDefault("PT5S")
        Duration tokenVersionCache();
    }

    interface EmailVerification {
        /**
         * Whether a client must verify their address before a first booking. Off by default: the original let every
         * registered client book, and a practice that books people in by phone may not want the step.
         */
        @WithDefault("false")
        boolean required();

        /** The page the verification e-mail links to; the token follows as a fragment. */
        String pageUrl();

        /** How long a verification link works (once). */
        @WithDefault("P2D")
        Duration lifetime();
    }

    interface PasswordReset {
        /**
         * The page the reset e-mail links to; the token follows as a fragment ({@code #token=...}), which a browser
         * never sends to a server, so it stays out of access logs and Referer headers.
         */
        String pageUrl();

        /** How long a reset link works (and only once). */
        @WithDefault("PT30M")
        Duration lifetime();

        /** How long a new staff member's invitation (a set-password link) works: long enough to read it next week. */
        @WithDefault("P7D")
        Duration invitationLifetime();

        /** Reset requests per e-mail address per window, whether or not an account has that address. */
        @WithDefault("3")
        int maxRequestsPerAccount();

        /** Reset requests per client address per window. */
        @WithDefault("10")
        int maxRequestsPerClient();

        @WithDefault("PT15M")
        Duration window();
    }

    interface Login {
        /**
         * Failed logins allowed per account within {@link #window()}, across all replicas (counted in PostgreSQL);
         * {@code LOGIN_MAX_FAILURES_PER_ACCOUNT} (default 5).
         */
        int maxFailuresPerAccount();

        /**
         * Login attempts (any outcome) allowed per client address within {@link #window()}, across all replicas;
         * {@code LOGIN_MAX_ATTEMPTS_PER_CLIENT} (default 30).
         */
        int maxAttemptsPerClient();

        /**
         * The window of both limits: it opens at a key's first attempt and the count starts again at the first
         * attempt after it has passed; {@code LOGIN_WINDOW} (default {@code PT15M}).
         */
        Duration window();

        /** How often rows of passed windows are deleted from {@code login_limit_window}. */
        @WithDefault("PT5M")
        Duration evictionInterval();
    }

    /** The admin account created (or promoted) at startup; see README.md. */
    interface Admin {
        /** {@code ADMIN_SEED_EMAIL}; no seed when absent. */
        Optional<String> seedEmail();

        /** {@code ADMIN_SEED_PASSWORD}; required with a seed e-mail. */
        Optional<String> seedPassword();

        /** {@code ADMIN_SEED_FIRST_NAME} (default {@code Admin}). */
        String seedFirstName();

        /** {@code ADMIN_SEED_LAST_NAME} (default {@code Therapist}). */
        String seedLastName();

        /** IANA zone of the seeded admin; {@code ADMIN_SEED_TIME_ZONE} (default {@code UTC}). */
        String seedTimeZone();
    }

    interface Bookings {
        /**
         * A booking can be rescheduled only this long before it starts; {@code RESCHEDULE_NOTICE} (default
         * {@code PT2H}, as the original API's).
         */
        Duration rescheduleNotice();

        /**
         * Durations (minutes) a client may book within a slot, e.g. {@code 30,45,60}; {@code BOOKING_DURATIONS}.
         * The slot's whole length is always allowed, and is the only one when none are configured (default). A
         * duration must fit in its slot; it sets the session end (emails, ICS, reminders, join window).
         */
        Optional<List<Integer>> allowedDurations();

        /** Page size of the admin booking list when the request names none. */
        @WithDefault("50")
        int defaultPageSize();

        /** Larger page sizes are capped to this (the answer's {@code limit} says what was applied). */
        @WithDefault("200")
        int maxPageSize();
    }

    /** The practice's defaults for what a request leaves out. */
    interface Practice {
        /** IANA zone of an account registered without {@code time_zone}; {@code PRACTICE_TIME_ZONE} (default {@code UTC}). */
        String timeZone();

        /** Price of a slot created without {@code amount}. */
        @WithDefault("100.00")
        BigDecimal defaultAmount();

        /** ISO 4217 currency of a slot created without {@code currency}. */
        @WithDefault("EUR")
        String defaultCurrency();
    }

    interface Jitsi {
        /** Room URLs are {@code <base>/<room id>}; {@code JITSI_BASE_URL} (default {@code https://meet.jit.si}). */
        String baseUrl();
    }

    /** Calls to meeting-link-service (the HTTP timeouts are {@code quarkus.rest-client.meeting-link.*}). */
    interface MeetingLinks {
        /** {@code Retry-After} of the 503 answered when meeting-link-service cannot give a link. */
        @WithDefault("PT30S")
        Duration retryAfter();

        /**
         * How long a replica may hand out a link meeting-link-service gave for the very same request (room,
         * participant and names, role, session) again, without asking (at most half the time the link's token has
         * left); PT0S asks every time.
         */
        @WithDefault("PT60S")
        Duration cacheTtl();

        /** Links kept per replica (about 2 KB each), least recently used dropped first. */
        @WithDefault("5000")
        long cacheSize();
    }

    /**
     * The opaque join links {@code <base-url>/j/<token>} (docs/meeting-links.md "Join links"): they open the
     * meeting only for the booking's current time, status and payment state.
     */
    interface JoinLinks {
        /** The public address the links start with: the gateway's API host; {@code JOIN_LINK_BASE_URL}. */
        String baseUrl();

        /** A link opens this long before the session starts. */
        @WithDefault("PT15M")
        Duration opensBefore();

        /** ... and stays open this long after the session ends. */
        @WithDefault("PT15M")
        Duration closesAfter();

        /**
         * Links that do not open allowed per client address within the login window ({@code booking.login.window}),
         * across all replicas; past it the address gets 429 for every link until the window has passed.
         */
        @WithDefault("20")
        int maxFailuresPerClient();

        /** Whether a client's link opens only once the booking is paid ({@code JOIN_REQUIRES_PAYMENT}). */
        @WithDefault("false")
        boolean requirePayment();

        /**
         * The key that seals the tokens: at least 32 random bytes, base64 ({@code JOIN_LINK_KEY}). Absent: derived
         * from the JWT signing key, so that rotating that key also voids every join link already sent.
         */
        Optional<String> key();
    }

    interface Payment {
        /** HMAC secret of the provider's webhook; {@code PAYMENT_WEBHOOK_SECRET}, required. */
        String webhookSecret();

        /** How far a signature's timestamp may be from now (replay protection). */
        @WithDefault("PT5M")
        Duration signatureTolerance();
    }

    interface Outbox {
        /** Kafka topic of every booking event. */
        @WithDefault("booking.events")
        String topic();

        /** Kafka topic of account events (password reset, ...; docs/events/README.md). */
        @WithDefault("account.events")
        String accountTopic();

        /** Rows claimed per relay run. */
        @WithDefault("100")
        int batchSize();

        /** How often the relay looks for rows the after-commit wake-ups missed, and for rows due for a retry. */
        @WithDefault("1s")
        String pollInterval();

        /** Wait before the second attempt of a failed send; it doubles per attempt up to {@link #maxBackoff()}. */
        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        /** How long the producer tries to deliver one event (Kafka's delivery timeout). */
        @WithDefault("PT10S")
        Duration sendTimeout();

        /** How much longer than {@link #sendTimeout()} a run waits for acknowledgements, and the producer's close. */
        @WithDefault("PT5S")
        Duration acknowledgementGrace();

        /** The backlog check at {@code /q/health/well} is DOWN when the oldest unsent event is this old. */
        @WithDefault("PT5M")
        Duration staleAfter();
    }
}
