package org.therapybooking.notification.common;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every notification policy, in one place (prefix {@code notifications}). */
@ConfigMapping(prefix = "notifications")
public interface NotificationConfig {

    /** Which event plans the meeting-info email and the reminders: {@code created} or {@code paid}. */
    @WithDefault("created")
    Trigger meetingInfoTrigger();

    /** Reminder offsets before the session start; exact durations (24 h before is not "same wall time" across DST). */
    @WithDefault("PT24H,PT1H")
    List<Duration> reminderOffsets();

    /** Where the cancel/reschedule hints in emails point (the booking front end). */
    @WithDefault("https://booking.therapy-booking.example")
    String appBaseUrl();

    /**
     * Where the emails load their logo from ({@code <asset-base-url>/static/logo.png}); absent: the app base URL
     * (the front end serves it). booking-service serves one too, which the local stack uses.
     */
    Optional<String> assetBaseUrl();

    /**
     * What "your booking page" in the emails is: the front end's page ({@code <app-base-url>/bookings/<id>}), or
     * the recipient's own booking page behind their join link ({@code <join link>/booking}, served by
     * booking-service: for a stack without the front end, such as the local one).
     */
    @WithDefault("front-end")
    ManageLink manageLink();

    enum ManageLink {
        FRONT_END, BOOKING_PAGE
    }

    /**
     * Right-hand side of every email's Message-ID ({@code <notification-<id>.<kind>@<domain>>}). Unset: the domain of
     * the sender address ({@code quarkus.mailer.from}).
     */
    Optional<String> messageIdDomain();

    Host host();

    Dispatch dispatch();

    Retry retry();

    Retention retention();

    /**
     * How long finished records are kept (docs/privacy.md). Each must stay longer than the topics' retention (7 days
     * for booking.events): an event redelivered after its processed_event row was purged would be applied again.
     */
    interface Retention {
        /** Notifications that are finished (sent, failed, skipped, cancelled), counted from their last change. */
        @WithDefault("P90D")
        Duration finishedNotifications();

        /** Ids of applied events. */
        @WithDefault("P90D")
        Duration processedEvents();

        /**
         * Booking snapshots whose session ended this long ago and that have no notification left, and profiles of
         * people in none of the remaining snapshots.
         */
        @WithDefault("P90D")
        Duration pastBookings();

        /** How often the purge runs (every replica may run it; deletes are idempotent). */
        @WithDefault("1h")
        String every();

        /** Rows deleted per statement, so no purge holds many locks for long. */
        @WithDefault("1000")
        int batchSize();
    }

    enum Trigger {
        /** booking.created (and a reschedule of a booking that has no plan yet). */
        CREATED,
        /** booking.paid: nothing goes out for a booking that is never paid. */
        PAID
    }

    interface Host {
        /** The therapist (host) gets the meeting-info email and its updates. */
        @WithDefault("true")
        boolean meetingInfo();

        /** The therapist (host) gets the reminders too. */
        @WithDefault("false")
        boolean reminders();

        /** The therapist (host) gets the cancellation email. */
        @WithDefault("true")
        boolean cancellation();
    }

    interface Dispatch {
        /** How often the dispatch job looks for due rows. */
        @WithDefault("5s")
        Duration every();

        /** Delay of the first run after start. */
        @WithDefault("2s")
        Duration initialDelay();

        /**
         * Claim-and-send loops run in parallel by each scheduler run in this replica. Sending is latency-bound
         * (meeting-link call, SMTP round trips), so a few loops multiply throughput; SKIP LOCKED keeps them apart.
         */
        @WithDefault("4")
        int workers();

        /** Rows claimed per transaction by one worker. */
        @WithDefault("50")
        int batchSize();

        /** How long a claimed row may stay in 'sending' before another worker may take it back (crashed worker). */
        @WithDefault("PT5M")
        Duration lease();

        /**
         * How long an 'uncertain' row (an SMTP hand-over without an answer: the server may have taken it) waits
         * before its one re-send with the same Message-ID. Long enough for a stalled relay to recover and deliver
         * what it took, and for an operator to look (alert on notifications_uncertain_total); short enough that a
         * meeting-info still arrives well before the session.
         */
        @WithDefault("PT15M")
        Duration uncertainResendAfter();

        /**
         * At shutdown the dispatcher stops claiming and waits at most this long for sends already handed to the
         * SMTP server to finish and be recorded: a little above quarkus.mailer.timeout (15 s), within the pod's
         * termination budget (docs/deploy.md). A send still under way after it is recovered by its lease as 'uncertain'.
         */
        @WithDefault("PT17S")
        Duration shutdownGrace();

        /** A reminder not sent by the session start is skipped rather than sent late. */
        @WithDefault("true")
        boolean skipRemindersAfterStart();
    }

    interface Retry {
        /** Attempts in total (the first send included) before a transient failure becomes 'failed'. */
        @WithDefault("10")
        int maxAttempts();

        /** Delay before the second attempt; doubled on every further attempt, with jitter. */
        @WithDefault("PT30S")
        Duration baseDelay();

        /** Upper bound of the delay between two attempts, before jitter. */
        @WithDefault("PT1H")
        Duration maxDelay();
    }
}
