package org.therapybooking.booking.user;

/**
 * Who a booking event is about (client) or with (host), as the event schemas define a person, with that person's
 * join link to the booking as the event leaves it ({@code join_url}, docs/meeting-links.md "Join links").
 */
public record Person(long userId, String firstName, String lastName, String email, String timeZone, String joinUrl) {

    public static Person of(User user, String joinUrl) {
        return new Person(user.id, user.firstName, user.lastName, user.email, user.timeZone, joinUrl);
    }
}
