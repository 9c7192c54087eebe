package org.therapybooking.booking.user;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An account as the API shows it (never the password hash). */
public record UserView(long id, String email, String firstName, String lastName, String phone, String location,
        String timeZone, boolean isAdmin, List<String> groups, Instant createdAt, Role role, boolean emailVerified,
        @JsonInclude(JsonInclude.Include.NON_NULL) String pendingEmail) {

    public static UserView of(User user) {
        return new UserView(user.id, user.email, user.firstName, user.lastName, user.phone, user.location,
                user.timeZone, user.admin, user.groups(), user.createdAt, user.role, user.emailVerifiedAt != null,
                user.pendingEmail);
    }
}
