package org.therapybooking.notification.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.EventContract;
import org.therapybooking.notification.dispatch.NotificationDispatcher;
import org.therapybooking.notification.support.Db;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.Mailbox;
import org.therapybooking.notification.support.Mailbox.Email;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Account events through the real broker into the real SMTP server: the reset link once, in the person's zone, and
 * its secret not kept after the send; an expired link not sent; the password-changed notice; poison to the DLQ.
 */
@QuarkusTest
class AccountEmailsTest extends NotificationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NOW = "2026-12-10T10:00:00Z";

    @Inject
    NotificationDispatcher dispatcher;
    @Inject
    Scheduler scheduler;

    private static ObjectNode event(String type, long userId, String email) {
        return TestEvents.account(type, userId, "Zoë \"Zo\"", "O'Brien & שלום", email, "Europe/Berlin", NOW);
    }

    private static ObjectNode resetRequested(long userId, String email, String token, String expiresAt) {
        ObjectNode event = event("account.password_reset_requested", userId, email);
        ObjectNode reset = event.putObject("reset");
        reset.put("url", "https://app.therapy-booking.example/reset-password#token=" + token);
        reset.put("expires_at", expiresAt);
        return event;
    }

    @Test
    void theResetLinkGoesOutOnceInThePersonsZoneAndIsNotKeptAfterwards() {
        clock.set(NOW);
        String email = "zoe.reset@example.org";
        String token = "T".repeat(40) + "_-9";
        ObjectNode event = resetRequested(71, email, token, "2026-12-10T10:30:00Z");
        Kafka.publishAccount(event);
        Kafka.publishAccount(event); // redelivered: same event_id
        Eventually.until("the reset email", WAIT, () -> Mailbox.to(email).size() == 1);
        Eventually.until("the copy consumed", WAIT, () -> Db.applied(event));
        dispatcher.dispatchOnce();

        List<Email> mails = Mailbox.to(email);
        assertEquals(1, mails.size());
        Email mail = mails.get(0);
        assertEquals("Choose a new password", mail.subject());
        String link = "https://app.therapy-booking.example/reset-password#token=" + token;
        assertTrue(mail.text().contains(link), mail.text());
        assertTrue(mail.html().contains("href=\"" + link + "\""), mail.html());
        // 10:30Z is 11:30 in Berlin in December
        assertTrue(mail.text().contains("until Thursday, 10 December 2026, 11:30 (Central European Standard Time, "
                + "Europe/Berlin)"), mail.text());
        assertTrue(mail.html().contains("Zoë &quot;Zo&quot; O&#39;Brien &amp; שלום"), mail.html());
        assertNull(mail.ics(), "no calendar file in an account email");
        assertEquals(1, Db.count("SELECT count(*) FROM notification WHERE user_id = 71 AND kind = 'password_reset' "
                + "AND recipient_role = 'account' AND booking_id IS NULL AND status = 'sent' AND action_url IS NULL"));
    }

    @Test
    void aNewColleagueGetsTheInvitationWithTheirLinkOnce() {
        clock.set(NOW);
        String email = "noa.invited@practice.example.org";
        String token = "I".repeat(43);
        ObjectNode invited = resetRequested(77, email, token, "2026-12-17T10:00:00Z");
        invited.put("event_type", "account.invited");
        Kafka.publishAccount(invited);
        Kafka.publishAccount(invited);
        Eventually.until("the invitation", WAIT, () -> Mailbox.to(email).size() == 1);
        Eventually.until("both copies consumed", WAIT, () -> Db.applied(invited));
        dispatcher.dispatchOnce();
        List<Email> mails = Mailbox.to(email);
        assertEquals(1, mails.size());
        assertEquals("You are invited to the practice's Therapy Booking", mails.get(0).subject());
        assertTrue(mails.get(0).text().contains("#token=" + token), mails.get(0).text());
        assertTrue(mails.get(0).text().contains("until Thursday, 17 December 2026, 11:00 (Central European Standard "
                + "Time, Europe/Berlin)"), mails.get(0).text());
        assertEquals(1, Db.count("SELECT count(*) FROM notification WHERE user_id = 77 AND kind = 'invitation' "
                + "AND status = 'sent' AND action_url IS NULL"));
    }

    @Test
    void aVerificationLinkGoesToTheAddressItConfirmsNotTheCurrentOne() {
        clock.set(NOW);
        String current = "zoe.current@example.org";
        String moving = "zoe.moving@example.org";
        ObjectNode event = event("account.email_verification_requested", 78, current);
        ObjectNode verification = event.putObject("verification");
        verification.put("url", "https://app.therapy-booking.example/verify-email#token=" + "V".repeat(43));
        verification.put("expires_at", "2026-12-12T10:00:00Z");
        verification.put("email", moving);
        Kafka.publishAccount(event);
        Eventually.until("the link", WAIT, () -> Mailbox.to(moving).size() == 1);
        Eventually.quietFor(Duration.ofSeconds(1));
        Email mail = Mailbox.to(moving).get(0);
        assertEquals("Confirm your e-mail address", mail.subject());
        assertTrue(mail.text().contains("Please confirm that " + moving + " is your address"), mail.text());
        assertTrue(mail.text().contains("#token=" + "V".repeat(43)), mail.text());
        assertEquals(List.of(), Mailbox.to(current), "nothing to the address being replaced");
        ObjectNode without = event("account.email_verification_requested", 79, current);
        assertFalse(EventContract.violations(without).isEmpty(), "the contract requires the verification");
    }

    @Test
    void aLinkThatExpiredBeforeItCouldBeSentIsNotSent() {
        clock.set(NOW);
        String email = "late.reset@example.org";
        ObjectNode expired = resetRequested(72, email, "A".repeat(43), "2026-12-10T09:59:00Z");
        Kafka.publishAccount(expired);
        // planned while still valid, then the clock passes its expiry before a worker takes it
        ObjectNode expiring = resetRequested(73, "later.reset@example.org", "B".repeat(43), "2026-12-10T10:00:01Z");
        scheduler.pause(NotificationDispatcher.JOB);
        try {
            Kafka.publishAccount(expiring);
            Eventually.until("both consumed", WAIT, () -> Db.applied(expired) && Db.applied(expiring));
            clock.set("2026-12-10T10:00:02Z");
        } finally {
            scheduler.resume(NotificationDispatcher.JOB);
        }
        dispatcher.dispatchOnce();
        Eventually.quietFor(Duration.ofSeconds(2));
        assertEquals(List.of(), Mailbox.to(email));
        assertEquals(List.of(), Mailbox.to("later.reset@example.org"));
        assertEquals(1, Db.count("SELECT count(*) FROM notification WHERE user_id = 72 AND status = 'skipped' "
                + "AND action_url IS NULL"));
        assertEquals(1, Db.count("SELECT count(*) FROM notification WHERE user_id = 73 AND status = 'cancelled' "
                + "AND action_url IS NULL"));
    }

    @Test
    void theChangedPasswordNoticeGoesOutOnce() {
        clock.set(NOW);
        String email = "zoe.changed@example.org";
        Kafka.publishAccount(event("account.password_changed", 74, email));
        Eventually.until("the notice", WAIT, () -> Mailbox.to(email).size() == 1);
        Email mail = Mailbox.to(email).get(0);
        assertEquals("Your password was changed", mail.subject());
        assertTrue(mail.text().contains("on Thursday, 10 December 2026, 11:00 (Central European Standard Time)"),
                mail.text());
        assertFalse(mail.text().contains("#token="), mail.text());
    }

    @Test
    void aProfileChangeReachesTheEmailsOfBookingsMadeBeforeAndAnOlderEventDoesNotUndoIt() {
        String to = "rita.4501@example.org";
        TestEvents.Person client = new TestEvents.Person(4501, "Rita", "Roe", to, "Europe/Berlin");
        Booking booking = Booking.of(4501, "2026-12-20T10:00:00Z", client, TestEvents.host("dr.4501@practice.example.org"));
        scheduler.pause(NotificationDispatcher.JOB);
        try {
            clock.set(NOW);
            Kafka.publish(TestEvents.created(booking));
            Eventually.until("planned", WAIT, () -> !Db.notifications(4501).isEmpty());
            ObjectNode updated = event("account.updated", 4501, to);
            ((ObjectNode) updated.get("account")).put("time_zone", "America/New_York");
            Kafka.publishAccount(updated);
            Eventually.until("the change applied", WAIT, () -> Db.applied(updated));
            // written before the change (its occurred_at is older), consumed after it
            ObjectNode paid = TestEvents.paid(booking);
            Kafka.publish(paid);
            Eventually.until("the older event applied", WAIT, () -> Db.applied(paid));

            clock.set("2026-12-19T10:00:00Z"); // the 24-hour reminder is due
            while (dispatcher.dispatchOnce() > 0) {
                // until nothing more is due
            }
        } finally {
            scheduler.resume(NotificationDispatcher.JOB);
        }
        List<Email> mails = Mailbox.to(to);
        assertEquals(3, mails.size(), "meeting-info, payment received, the reminder: " + mails);
        for (Email mail : mails) {
            assertTrue(mail.text().contains("Hello Zoë \"Zo\" O'Brien & שלום,"), mail.text());
            assertFalse(mail.text().contains("Rita"), mail.text());
        }
        Email reminder = mails.stream().filter(m -> m.subject().startsWith("Reminder")).findFirst().orElseThrow();
        // 10:00Z is 05:00 in New York in December
        assertTrue(reminder.subject().contains("Sun 20 Dec 2026, 05:00 UTC-05:00"), reminder.subject());
        assertEquals(1, Db.count("SELECT count(*) FROM booking WHERE booking_id = 4501 AND client_first_name = "
                + "'Zoë \"Zo\"' AND client_time_zone = 'America/New_York'"));
    }

    @Test
    void anErasureRemovesThePersonEverywhereAndNothingBringsThemBack() {
        String to = "zoe.4601@example.org";
        String host = "dr.4601@practice.example.org";
        TestEvents.Person client = new TestEvents.Person(4601, "Zoë", "O'Brien", to, "Europe/Berlin");
        Booking booking = Booking.of(4601, "2026-12-20T10:00:00Z", client, TestEvents.host(host));
        clock.set(NOW);
        ObjectNode created = TestEvents.created(booking);
        Kafka.publish(created);
        Eventually.until("meeting-info to both", WAIT, () -> Mailbox.to(to).size() == 1 && Mailbox.to(host).size() == 1);
        assertTrue(Db.count("SELECT count(*) FROM notification WHERE booking_id = 4601 AND recipient_role = 'client'") > 1);

        // booking-service erases the client: anonymous values, then the future booking cancelled with them
        ObjectNode erased = event("account.erased", 4601, "erased-4601@erased.invalid");
        ((ObjectNode) erased.get("account")).put("first_name", "Erased").put("last_name", "client");
        erased.put("occurred_at", "2026-12-10T10:00:01Z");
        Kafka.publishAccount(erased);
        TestEvents.Person anonymous = new TestEvents.Person(4601, "Erased", "client", "erased-4601@erased.invalid",
                "Europe/Berlin");
        Booking anonymized = Booking.of(4601, "2026-12-20T10:00:00Z", anonymous, TestEvents.host(host)).cancelled();
        ObjectNode cancelled = TestEvents.cancelled(anonymized, "client");
        Kafka.publish(cancelled);
        // and an event written before the erasure, still carrying the real data, arrives last
        ObjectNode stale = TestEvents.paid(booking);
        Kafka.publish(stale);
        Eventually.until("all applied", WAIT, () -> Db.applied(erased) && Db.applied(cancelled) && Db.applied(stale));
        Eventually.until("the therapist's cancellation", WAIT, () -> Mailbox.to(host).size() == 2);
        Eventually.quietFor(Duration.ofSeconds(2));

        assertEquals(1, Mailbox.to(to).size(), "nothing more to the erased person");
        Email cancellation = Mailbox.to(host).get(1);
        assertTrue(cancellation.subject().startsWith("Cancelled"), cancellation.subject());
        assertTrue(cancellation.text().contains("Erased client"), cancellation.text());
        assertEquals(0, Db.count("SELECT count(*) FROM notification n WHERE n::text LIKE '%zoe.4601%'"));
        assertEquals(0, Db.count("SELECT count(*) FROM booking b WHERE b::text LIKE '%zoe.4601%' OR b::text LIKE '%Zoë%'"));
        assertEquals(0, Db.count("SELECT count(*) FROM person p WHERE p::text LIKE '%zoe.4601%'"));
        assertEquals(0, Db.count("SELECT count(*) FROM notification WHERE booking_id = 4601 AND recipient_role = 'client'"
                + " AND status <> 'skipped'"), "client rows planned after the erasure are skipped, not sent");
    }

    @Test
    void theContractKeepsExtraPersonalDataAndSecretsOut() {
        assertEquals(java.util.Set.of(), EventContract.violations(resetRequested(76, "a@example.org", "C".repeat(43),
                "2026-12-10T10:30:00Z")));
        ObjectNode withPhone = event("account.password_changed", 76, "a@example.org");
        ((ObjectNode) withPhone.get("account")).put("phone", "+49 30 1234567");
        assertFalse(EventContract.violations(withPhone).isEmpty(), "an account event carries no phone");
        ObjectNode tokenInQuery = resetRequested(76, "a@example.org", "C".repeat(43), "2026-12-10T10:30:00Z");
        ((ObjectNode) tokenInQuery.get("reset")).put("url", "https://app.example/reset?token=" + "C".repeat(43));
        assertFalse(EventContract.violations(tokenInQuery).isEmpty(), "the token travels in the fragment only");
        ObjectNode changedWithLink = event("account.password_changed", 76, "a@example.org");
        changedWithLink.putObject("reset").put("url", "https://app.example/reset#token=" + "C".repeat(43));
        assertFalse(EventContract.violations(changedWithLink).isEmpty(), "no link in the changed notice");
    }

    @Test
    void poisonGoesToTheAccountDeadLetterTopicAndTheNextEventStillArrives() {
        clock.set(NOW);
        ObjectNode noReset = event("account.password_reset_requested", 75, "dead.letter@example.org");
        assertFalse(EventContract.violations(noReset).isEmpty(), "the contract refuses it too");
        Kafka.publishAccountRaw("75", noReset.toString());
        Kafka.publishAccountRaw("75", "{not json");
        String email = "after.poison@example.org";
        Kafka.publishAccount(event("account.password_changed", 75, email));
        Eventually.until("the next event's email", WAIT, () -> Mailbox.to(email).size() == 1);
        List<ConsumerRecord<String, String>> dead = Kafka.deadLetters(Kafka.ACCOUNT_DLQ, Duration.ofSeconds(5)).stream()
                .filter(r -> "75".equals(r.key())).toList();
        assertEquals(2, dead.size(), "two poison records: " + dead);
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("reset is required"), reason);
        assertEquals(List.of(), Mailbox.to("dead.letter@example.org"));
    }
}
