package org.therapybooking.commons.tracing;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps personal data out of the automatic HTTP spans: a query string can hold an e-mail address or a name (the
 * admin user search {@code ?q=}), and the client address is the user's IP address. Both are overwritten as the span
 * starts, before any exporter sees it. Paths carry only ids and are kept. Quarkus adds every {@link SpanProcessor}
 * bean to the tracer provider.
 */
@ApplicationScoped
public class PersonalDataSpanProcessor implements SpanProcessor {

    static final String REDACTED = "redacted";
    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        if (span.getAttribute(URL_QUERY) != null) {
            span.setAttribute(URL_QUERY, REDACTED);
        }
        String full = span.getAttribute(URL_FULL);
        if (full != null && full.indexOf('?') >= 0) {
            span.setAttribute(URL_FULL, full.substring(0, full.indexOf('?') + 1) + REDACTED);
        }
        if (span.getAttribute(CLIENT_ADDRESS) != null) {
            span.setAttribute(CLIENT_ADDRESS, REDACTED);
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
