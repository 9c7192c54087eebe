package org.therapybooking.notification.admin;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.therapybooking.notification.common.NotFoundProblem;
import org.therapybooking.notification.reminder.BookingRecord;
import org.therapybooking.notification.reminder.Notification;
import org.therapybooking.notification.reminder.NotificationMetrics;
import org.therapybooking.notification.reminder.NotificationStatus;

@ApplicationScoped
public class AdminNotificationService {

    private final EntityManager em;
    private final NotificationMetrics metrics;

    AdminNotificationService(EntityManager em, NotificationMetrics metrics) {
        this.em = em;
        this.metrics = metrics;
    }

    @Transactional
    public BookingNotifications forBooking(long bookingId) {
        BookingRecord booking = BookingRecord.findById(bookingId);
        if (booking == null) {
            throw new NotFoundProblem("No notifications are known for booking " + bookingId + ".");
        }
        List<NotificationView> views = Notification.<Notification>list("bookingId = ?1 order by dueAt, id", bookingId)
                .stream()
                .map(n -> new NotificationView(n.id, n.kind.name(), n.recipientRole.name(), n.recipientEmail,
                        n.reminderOffset, n.sequence, n.dueAt, n.status.name(), n.attempts, n.nextAttemptAt,
                        n.lastError, n.sentAt))
                .toList();
        return new BookingNotifications(bookingId, booking.status, booking.sequence, views);
    }

    @Transactional
    public NotificationStats stats() {
        Map<String, Long> byStatus = new TreeMap<>();
        for (NotificationStatus s : NotificationStatus.values()) {
            byStatus.put(s.name(), 0L);
        }
        List<Object[]> rows = em.createQuery("select n.status, count(n) from Notification n group by n.status", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            byStatus.put(((NotificationStatus) row[0]).name(), (Long) row[1]);
        }
        return new NotificationStats(byStatus, metrics.sentTotal(), metrics.retriedTotal(), metrics.failedByReason());
    }
}
