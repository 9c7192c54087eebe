package org.therapybooking.booking.user;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.therapybooking.booking.outbox.OutboxWriter;

/** Writes account events to the outbox in the caller's transaction, as BookingEvents does for bookings. */
@ApplicationScoped
public class AccountEvents {

    private final OutboxWriter outbox;

    AccountEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void passwordResetRequested(User user, String url, Instant expiresAt, Instant now) {
        write(AccountEvent.PASSWORD_RESET_REQUESTED, user, new AccountEvent.Reset(url, expiresAt), now);
    }

    /** A staff account was created: the link lets the new colleague choose a password. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void invited(User user, String url, Instant expiresAt, Instant now) {
        write(AccountEvent.INVITED, user, new AccountEvent.Reset(url, expiresAt), now);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void passwordChanged(User user, Instant now) {
        write(AccountEvent.PASSWORD_CHANGED, user, null, now);
    }

    /** Names or time zone changed: what notification-service shows in emails. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(User user, Instant now) {
        write(AccountEvent.UPDATED, user, null, now);
    }

    /** The person was erased; the account part holds the anonymous values that replace theirs everywhere. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(User user, Instant now) {
        write(AccountEvent.ERASED, user, null, now);
    }

    /** A link to verify {@code email}, to be sent to that address. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emailVerificationRequested(User user, String url, Instant expiresAt, String email, Instant now) {
        write(AccountEvent.EMAIL_VERIFICATION_REQUESTED, user, null, new AccountEvent.Verification(url, expiresAt, email),
                now);
    }

    private void write(String type, User user, AccountEvent.Reset reset, Instant now) {
        write(type, user, reset, null, now);
    }

    private void write(String type, User user, AccountEvent.Reset reset, AccountEvent.Verification verification,
            Instant now) {
        AccountEvent event = new AccountEvent(UUID.randomUUID(), type, 1, now, user.id, AccountEvent.Account.of(user),
                reset, verification);
        outbox.append(new OutboxWriter.Message(event.eventId(), type, OutboxWriter.AggregateType.ACCOUNT, user.id, now,
                event));
    }
}
