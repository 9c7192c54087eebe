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

    public boolean isAdmin() {
        return identity.hasRole("admin");
    }
}
