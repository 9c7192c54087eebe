package org.therapybooking.notification.booking;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * People's profiles from account.updated (table {@code person}), and what they mean for the booking snapshots:
 * the newest word on a person's names, address and zone wins, whichever topic it came on.
 */
@ApplicationScoped
public class PersonProfiles {

    private final EntityManager em;

    PersonProfiles(EntityManager em) {
        this.em = em;
    }

    /** Records the profile if it is newer than the one known, and puts it on every snapshot the person is in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(long userId, String firstName, String lastName, String email, String timeZone,
            Instant changedAt) {
        int stored = em.createNativeQuery("""
                INSERT INTO person (user_id, first_name, last_name, email, time_zone, changed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (user_id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name,
                    email = excluded.email, time_zone = excluded.time_zone, changed_at = excluded.changed_at
                WHERE person.changed_at < excluded.changed_at""")
                .setParameter(1, userId).setParameter(2, firstName).setParameter(3, lastName).setParameter(4, email)
                .setParameter(5, timeZone).setParameter(6, changedAt).executeUpdate();
        if (stored == 0) {
            return; // an older change arriving late
        }
        em.createQuery("""
                update BookingRecord b set b.clientFirstName = :first, b.clientLastName = :last, b.clientEmail = :email,
                       b.clientTimeZone = :zone where b.clientUserId = :user""")
                .setParameter("first", firstName).setParameter("last", lastName).setParameter("email", email)
                .setParameter("zone", timeZone).setParameter("user", userId).executeUpdate();
        em.createQuery("""
                update BookingRecord b set b.hostFirstName = :first, b.hostLastName = :last, b.hostEmail = :email,
                       b.hostTimeZone = :zone where b.hostUserId = :user""")
                .setParameter("first", firstName).setParameter("last", lastName).setParameter("email", email)
                .setParameter("zone", timeZone).setParameter("user", userId).executeUpdate();
    }

    /**
     * A booking event's copy of its people, corrected by any profile change newer than the event: an event written
     * before the change but consumed after it must not bring the old name or zone back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyNewer(BookingRecord booking, Instant eventOccurredAt) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT user_id, first_name, last_name, email, time_zone FROM person
                WHERE user_id IN (?1, ?2) AND changed_at > ?3""")
                .setParameter(1, booking.clientUserId).setParameter(2, booking.hostUserId)
                .setParameter(3, eventOccurredAt).getResultList();
        for (Object[] row : rows) {
            long userId = ((Number) row[0]).longValue();
            if (userId == booking.clientUserId) {
                booking.clientFirstName = (String) row[1];
                booking.clientLastName = (String) row[2];
                booking.clientEmail = (String) row[3];
                booking.clientTimeZone = (String) row[4];
            }
            if (userId == booking.hostUserId) {
                booking.hostFirstName = (String) row[1];
                booking.hostLastName = (String) row[2];
                booking.hostEmail = (String) row[3];
                booking.hostTimeZone = (String) row[4];
            }
        }
    }
}
