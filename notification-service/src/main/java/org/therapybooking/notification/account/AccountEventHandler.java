package org.therapybooking.notification.account;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.therapybooking.notification.booking.PersonProfiles;
import org.therapybooking.notification.booking.RecipientRole;
import org.therapybooking.notification.event.EventJson;
import org.therapybooking.notification.event.PoisonMessageException;
import org.therapybooking.notification.planning.Notification;
import org.therapybooking.notification.planning.NotificationKind;
import org.therapybooking.notification.planning.NotificationPlanner.Planned;
import org.therapybooking.notification.planning.NotificationRepository;
import org.therapybooking.notification.planning.NotificationStatus;


/**
 * Turns an account event into one email to the account holder, due at once, or (account.updated) into the person's
 * new profile for every later email. The event id is recorded in the same
 * transaction, so a redelivered event plans nothing more. A reset link that has already expired is not sent.
 */
@ApplicationScoped
public class AccountEventHandler {
    private static final Logger LOG = Logger.getLogger(AccountEventHandler.class);

    private final EventJson json;
    private final EntityManager em;
    private final NotificationRepository notifications;
    private final Event<Planned> planned;
    private final Clock clock;
    private final PersonProfiles profiles;

    AccountEventHandler(EventJson json, EntityManager em,
            NotificationRepository notifications, Event<Planned> planned, Clock clock, PersonProfiles profiles) {
        this.profiles = profiles;
        this.json = json;
        this.em = em;
        this.notifications = notifications;
        this.planned = planned;
        this.clock = clock;
    }

    /** A valid event, or {@link PoisonMessageException} saying precisely why not. */
    public AccountEvent parse(String payload) {
        AccountEvent event = json.read(payload, AccountEvent.class);
        if (!event.userId().equals(event.account().userId())) {
            throw new PoisonMessageException("schema-invalid: user_id " + event.userId() + " differs from account.user_id "
                    + event.account().userId());
        }
        kindOf(event);
        return event;
    }

    /** @return false when the event had already been processed */
    @Transactional
    public boolean apply(AccountEvent event, String traceparent) {
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("""
                INSERT INTO processed_event (event_id, event_type, booking_id, processed_at)
                VALUES (?1, ?2, NULL, ?3) ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, event.eventId()).setParameter(2, event.eventType()).setParameter(3, now)
                .executeUpdate();
        if (inserted == 0) {
            LOG.infof("event %s (%s, user %d) already processed; ignored", event.eventId(), event.eventType(),
                    event.userId());
            return false;
        }
        AccountEvent.Account account = event.account();
        if (AccountEvent.UPDATED.equals(event.eventType()) || AccountEvent.ERASED.equals(event.eventType())) {
            // an erasure is the last profile change: anonymous values, also against older booking events
            profiles.changed(account.userId(), account.firstName(), account.lastName(), account.email(),
                    account.timeZone(), event.occurredAt());
            if (AccountEvent.ERASED.equals(event.eventType())) {
                int deleted = em.createNativeQuery("""
                        DELETE FROM notification WHERE user_id = ?1 OR (recipient_role = 'client'
                            AND booking_id IN (SELECT booking_id FROM booking WHERE client_user_id = ?1))""")
                        .setParameter(1, account.userId()).executeUpdate();
                LOG.infof("user %d erased: %d of their notifications deleted", account.userId(), deleted);
            }
            return true;
        }
        Notification n = new Notification();
        n.userId = account.userId();
        n.recipientRole = RecipientRole.ACCOUNT;
        n.recipientEmail = account.email();
        n.recipientName = (account.firstName() + " " + account.lastName()).trim();
        n.recipientTimeZone = account.timeZone();
        n.kind = kindOf(event);
        n.sequence = 0;
        n.dueAt = now;
        n.nextAttemptAt = now;
        n.createdAt = now;
        n.updatedAt = now;
        n.traceparent = traceparent;
        if (event.reset() != null) {
            n.actionUrl = event.reset().url();
            n.actionExpiresAt = event.reset().expiresAt();
        }
        if (event.verification() != null) {
            // to the address the link confirms (for a change, the new one)
            n.recipientEmail = event.verification().email();
            n.actionUrl = event.verification().url();
            n.actionExpiresAt = event.verification().expiresAt();
        }
        if (n.actionExpiresAt != null && !now.isBefore(n.actionExpiresAt)) {
            n.status = NotificationStatus.SKIPPED;
            n.actionUrl = null;
            n.lastError = "the link had expired when the event arrived";
        } else {
            n.status = NotificationStatus.PENDING;
        }
        notifications.persist(n);
        if (n.status == NotificationStatus.PENDING) {
            planned.fire(new Planned(now));
        }
        return true;
    }

    private static NotificationKind kindOf(AccountEvent event) {
        return switch (event.eventType()) {
            case AccountEvent.PASSWORD_RESET_REQUESTED -> {
                if (event.reset() == null) {
                    throw new PoisonMessageException("schema-invalid: reset is required for " + event.eventType());
                }
                yield NotificationKind.PASSWORD_RESET;
            }
            case AccountEvent.PASSWORD_CHANGED -> NotificationKind.PASSWORD_CHANGED;
            case AccountEvent.EMAIL_VERIFICATION_REQUESTED -> {
                if (event.verification() == null) {
                    throw new PoisonMessageException("schema-invalid: verification is required for " + event.eventType());
                }
                yield NotificationKind.EMAIL_VERIFICATION;
            }
            case AccountEvent.INVITED -> {
                if (event.reset() == null) {
                    throw new PoisonMessageException("schema-invalid: reset is required for " + event.eventType());
                }
                yield NotificationKind.INVITATION;
            }
            case AccountEvent.UPDATED, AccountEvent.ERASED -> null;
            default -> throw new PoisonMessageException("unknown event type " + event.eventType());
        };
    }
}
