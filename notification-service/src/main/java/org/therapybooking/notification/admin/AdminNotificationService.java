package org.therapybooking.notification.admin;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.notification.booking.BookingRecord;
import org.therapybooking.notification.booking.BookingRepository;
import org.therapybooking.notification.dispatch.NotificationMetrics;
import org.therapybooking.notification.planning.NotificationRepository;

@ApplicationScoped
public class AdminNotificationService {

    private final BookingRepository bookings;
    private final NotificationRepository notifications;
    private final NotificationMetrics metrics;

    AdminNotificationService(BookingRepository bookings, NotificationRepository notifications,
            NotificationMetrics metrics) {
        this.bookings = bookings;
        this.notifications = notifications;
        this.metrics = metrics;
    }

    /**
     * @param onlyHost a therapist (group {@code therapist}) sees only the bookings they host: their user id; null for
     *     a practice admin. Another therapist's booking is "not found", as in booking-service.
     */
    @Transactional
    public BookingNotifications forBooking(long bookingId, Long onlyHost) {
        BookingRecord booking = bookings.findById(bookingId);
        if (booking == null || onlyHost != null && booking.hostUserId != onlyHost) {
            throw ApiException.notFound("Booking " + bookingId);
        }
        List<NotificationView> views = notifications.forBooking(bookingId).stream()
                .map(n -> new NotificationView(n.id, n.kind.code(), n.recipientRole.code(), n.recipientEmail,
                        n.reminderOffset, n.sequence, n.dueAt, n.status.code(), n.attempts, n.nextAttemptAt,
                        n.lastError, n.sentAt))
                .toList();
        return new BookingNotifications(bookingId, booking.status.code(), booking.sequence, views);
    }

    @Transactional
    public NotificationStats stats() {
        Map<String, Long> byStatus = new TreeMap<>();
        notifications.countByStatus().forEach((status, count) -> byStatus.put(status.code(), count));
        return new NotificationStats(byStatus, metrics.sentTotal(), metrics.retriedTotal(), metrics.failedByReason());
    }
}
