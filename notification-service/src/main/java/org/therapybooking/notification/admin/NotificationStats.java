package org.therapybooking.notification.admin;

import java.util.Map;

/** Rows by status (from the database) and the process's counters since start. */
public record NotificationStats(Map<String, Long> byStatus, double sentTotal, double retriedTotal,
        Map<String, Double> failedTotalByReason) {
}
