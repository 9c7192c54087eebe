package org.therapybooking.notification.admin;

import java.util.List;

public record BookingNotifications(long bookingId, String bookingStatus, int bookingSequence,
        List<NotificationView> notifications) {
}
