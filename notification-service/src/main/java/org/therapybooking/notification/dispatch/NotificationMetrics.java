package org.therapybooking.notification.dispatch;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.therapybooking.notification.planning.NotificationKind;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * notifications_sent_total{kind}, notifications_failed_total{reason}, notifications_retried_total{cause},
 * notifications_uncertain_total{cause} (an SMTP hand-over with unknown outcome) and notifications_resent_total (the
 * one re-send of an uncertain row).
 */
@ApplicationScoped
public class NotificationMetrics {

    public static final String SENT = "notifications.sent";
    public static final String FAILED = "notifications.failed";
    public static final String RETRIED = "notifications.retried";
    public static final String UNCERTAIN = "notifications.uncertain";
    public static final String RESENT = "notifications.resent";

    /** Causes of an uncertain outcome (the uncertain metric's cause tag). */
    public static final String SMTP_NO_ANSWER = "smtp_no_answer";
    public static final String LEASE_EXPIRED_AFTER_HANDOVER = "lease_expired_after_handover";

    /** Reasons a notification ends as failed (the metric's reason tag). */
    public static final String SMTP_PERMANENT = "smtp_permanent";
    public static final String RETRIES_EXHAUSTED = "retries_exhausted";
    /** A second hand-over without an answer: maybe delivered, not sent a third time. */
    public static final String UNCONFIRMED = "unconfirmed";

    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(NotificationKind kind) {
        registry.counter(SENT, "kind", kind.code()).increment();
    }

    void failed(String reason) {
        failed(reason, 1);
    }

    void failed(String reason, int count) {
        if (count > 0) {
            registry.counter(FAILED, "reason", reason).increment(count);
        }
    }

    void retried(String cause) {
        registry.counter(RETRIED, "cause", cause).increment();
    }

    void uncertain(String cause, int count) {
        if (count > 0) {
            registry.counter(UNCERTAIN, "cause", cause).increment(count);
        }
    }

    void resent(int count) {
        if (count > 0) {
            registry.counter(RESENT).increment(count);
        }
    }

    public double uncertainTotal() {
        return registry.find(UNCERTAIN).counters().stream().mapToDouble(Counter::count).sum();
    }

    public double resentTotal() {
        return registry.find(RESENT).counters().stream().mapToDouble(Counter::count).sum();
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
