package org.therapybooking.commons.tracing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C {@code traceparent} of a span, as text: what a service stores next to work it does later (an outbox
 * row, a planned email) so that the later work joins the trace of the request or event that caused it. Always W3C,
 * whatever propagators are configured, because the stored value must read the same in every service.
 */
public final class TraceParent {

    /** The header (HTTP and Kafka) and carrier key. */
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<String> SINGLE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private TraceParent() {
    }

    /** The current span's traceparent; empty when there is no span (tracing switched off, or outside any trace). */
    public static Optional<String> ofCurrentSpan() {
        return of(Span.current());
    }

    /** The span's traceparent; empty for a span that records nothing (tracing switched off). */
    public static Optional<String> of(Span span) {
        if (!span.getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, Map::put);
        return Optional.ofNullable(carrier.get(HEADER));
    }

    /**
     * The value as this class writes it (version 00, lower-case hex), from a header that came from elsewhere;
     * empty when it is absent or not a valid traceparent, so nothing malformed (or over-long) is ever stored.
     */
    public static Optional<String> normalize(String traceparent) {
        return of(Span.fromContext(parentContext(traceparent)));
    }

    /**
     * A context whose parent is the (remote) span {@code traceparent} names: start a span in it to continue that
     * trace. The root context (a new trace) when the value is absent or not a valid traceparent.
     */
    public static Context parentContext(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent.trim(), SINGLE_VALUE);
    }
}
