package org.therapybooking.notification.event;

import java.util.Arrays;
import java.util.Optional;

public enum EventType {
    CREATED("booking.created"), PAID("booking.paid"), RESCHEDULED("booking.rescheduled"), CANCELLED("booking.cancelled"),
    EXPIRED("booking.expired"), COMPLETED("booking.completed"), NO_SHOW("booking.no_show"),
    CLIENT_WAITING("booking.client_waiting");

    public final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public static Optional<EventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
