package org.therapybooking.booking.user;

import java.util.List;

import org.therapybooking.commons.persistence.Coded;

/**
 * What an account may do. Clients book; therapists manage their own slots and see their own bookings; practice admins
 * manage everything, staff included. Both staff roles carry the token group {@code admin} (and the original API's
 * {@code is_admin: true}); the group {@code therapist} is what narrows a staff member to their own.
 */
public enum Role implements Coded {
    CLIENT, THERAPIST, PRACTICE_ADMIN;

    public boolean isStaff() {
        return this != CLIENT;
    }

    /** The token groups of the role. */
    public List<String> groups() {
        return switch (this) {
            case CLIENT -> List.of("user");
            case THERAPIST -> List.of("user", "admin", "therapist");
            case PRACTICE_ADMIN -> List.of("user", "admin", "practice_admin");
        };
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends Coded.Converter<Role> {
    }
}
