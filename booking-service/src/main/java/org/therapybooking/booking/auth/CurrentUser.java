package org.therapybooking.booking.auth;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The caller of the current request: {@code sub} is the user id, {@code groups} carry user/admin. */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken jwt;
    private final SecurityIdentity identity;

    public CurrentUser(JsonWebToken jwt, SecurityIdentity identity) {
        this.jwt = jwt;
        this.identity = identity;
    }

    public long id() {
        String subject = jwt.getSubject();
        if (subject == null || !subject.matches("[0-9]{1,18}")) {
            throw new UnauthorizedException("token subject is not a user id");
        }
        return Long.parseLong(subject);
    }

    /** Staff: a therapist or a practice admin (group {@code admin}). */
    public boolean isAdmin() {
        return identity.hasRole("admin");
    }

    /** A therapist: staff limited to their own slots, bookings and clients. */
    public boolean isTherapist() {
        return identity.hasRole("therapist");
    }

    /**
     * A practice admin: staff who see and manage everything. Tokens issued before roles existed carry only
     * {@code admin}; they were only ever issued to the practice's admin, so staff without {@code therapist} count.
     */
    public boolean isPracticeAdmin() {
        return isAdmin() && !isTherapist();
    }

    /** Whose slots and bookings this staff member may see: their own id for a therapist, null (all) otherwise. */
    public Long therapistScope() {
        return isTherapist() ? id() : null;
    }

    /** Refuses (403) anyone but a practice admin. */
    public void requirePracticeAdmin() {
        if (!isPracticeAdmin()) {
            throw new io.quarkus.security.ForbiddenException("practice admins only");
        }
    }
}
