package org.therapybooking.booking.user;

/** Who a booking event is about (client) or with (host), as the event schemas define a person. */
public record Person(long userId, String firstName, String lastName, String email, String timeZone) {

    public static Person of(User user) {
        return new Person(user.id, user.firstName, user.lastName, user.email, user.timeZone);
    }
}
