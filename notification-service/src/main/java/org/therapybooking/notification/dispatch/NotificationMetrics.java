package org.therapybooking.notification.dispatch;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.therapybooking.notification.planning.NotificationKind;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** notifications_sent_total{kind}, notifications_failed_total{reason}, notifications_retried_total. */
@ApplicationScoped
public class NotificationMetrics {

    public static final String SENT = "notifications.sent";
    public static final String FAILED = "notifications.failed";
    public static final String RETRIED = "notifications.retried";

    /** Reasons a notification ends as failed (the metric's reason tag). */
    public static final String SMTP_PERMANENT = "smtp_permanent";
    public static final String RETRIES_EXHAUSTED = "retries_exhausted";

    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(NotificationKind kind) {
        registry.counter(SENT, "kind", kind.code()).increment();
    }

    void failed(String reason) {
        registry.counter(FAILED, "reason", reason).increment();
    }

    void retried(String cause) {
        registry.counter(RETRIED, "cause", cause).increment();
    }

    public double sentTotal() {
        return registry.find(SENT).counters().stream().mapToDouble(Counter::count).sum();
    }

    public Map<String, Double> failedByReason() {
        Map<String, Double> out = new TreeMap<>();
        registry.find(FAILED).counters().forEach(c -> out.merge(c.getId().getTag("reason"), c.count(), Double::sum));
        return out;
    }

    public double retriedTotal() {
        return registry.find(RETRIED).counters().stream().mapToDouble(Counter::count).sum();
    }
}
