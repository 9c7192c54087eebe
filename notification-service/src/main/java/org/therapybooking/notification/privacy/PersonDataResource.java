package org.therapybooking.notification.privacy;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import org.therapybooking.commons.persistence.SqlValues;

/**
 * For booking-service's export of a person's data (GET /api/auth/me/export): only its service token (group
 * {@code service}, audience {@code notification-service}, subject {@code booking-service}) is admitted. Not routed
 * by the gateway; the NetworkPolicy admits only pods of the namespace.
 */
@Path("/internal/people")
@RolesAllowed("service")
@Produces(MediaType.APPLICATION_JSON)
public class PersonDataResource {

    static final String CALLER = "booking-service";

    private final EntityManager em;
    private final JsonWebToken jwt;

    PersonDataResource(EntityManager em, JsonWebToken jwt) {
        this.em = em;
        this.jwt = jwt;
    }

    @GET
    @Path("/{userId}")
    @Transactional
    @SuppressWarnings("unchecked")
    public PersonData get(@PathParam("userId") @Min(1) long userId) {
        if (!CALLER.equals(jwt.getSubject())) {
            throw new ForbiddenException("only booking-service reads a person's data");
        }
        List<Object[]> profile = em.createNativeQuery("SELECT first_name, last_name, email, time_zone, changed_at "
                + "FROM person WHERE user_id = ?1").setParameter(1, userId).getResultList();
        List<Object[]> bookings = em.createNativeQuery("""
                SELECT booking_id, 'client', status, scheduled_at, client_first_name, client_last_name, client_email,
                       client_time_zone FROM booking WHERE client_user_id = ?1
                UNION ALL
                SELECT booking_id, 'host', status, scheduled_at, host_first_name, host_last_name, host_email,
                       host_time_zone FROM booking WHERE host_user_id = ?1
                ORDER BY 4, 1""").setParameter(1, userId).getResultList();
        List<Object[]> emails = em.createNativeQuery("""
                SELECT n.id, n.booking_id, n.kind, n.recipient_role, n.recipient_email, n.status, n.due_at, n.sent_at,
                       n.created_at FROM notification n LEFT JOIN booking b ON b.booking_id = n.booking_id
                WHERE n.user_id = ?1 OR (n.recipient_role = 'client' AND b.client_user_id = ?1)
                   OR (n.recipient_role = 'host' AND b.host_user_id = ?1)
                ORDER BY n.created_at, n.id""").setParameter(1, userId).getResultList();
        return new PersonData(userId,
                profile.stream().findFirst().map(r -> new PersonData.Profile((String) r[0], (String) r[1],
                        (String) r[2], (String) r[3], SqlValues.instant(r[4]))).orElse(null),
                bookings.stream().map(r -> new PersonData.BookingCopy(((Number) r[0]).longValue(), (String) r[1],
                        (String) r[2], SqlValues.instant(r[3]), (String) r[4], (String) r[5], (String) r[6], (String) r[7]))
                        .toList(),
                emails.stream().map(r -> new PersonData.Email(((Number) r[0]).longValue(),
                        r[1] == null ? null : ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], SqlValues.instant(r[6]), SqlValues.instant(r[7]), SqlValues.instant(r[8]))).toList());
    }

}
