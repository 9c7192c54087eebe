package org.therapybooking.booking.user;

/** A client as a therapist sees them next to a booking: who the session is with and how to reach them. */
public record ClientView(long id, String firstName, String lastName, String email, String phone,
        String timeZone) {

    public static ClientView of(User user) {
        return new ClientView(user.id, user.firstName, user.lastName, user.email, user.phone, user.timeZone);
    }

    /** The name as simple frontends show it: first and last name. */
    public String name() {
        return (firstName + " " + lastName).trim();
    }
}
