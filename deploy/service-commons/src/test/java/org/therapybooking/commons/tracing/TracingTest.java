package org.therapybooking.commons.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

class TracingTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(new PersonalDataSpanProcessor())
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aSpanStartedUnderAStoredTraceparentContinuesThatTrace() {
        Span child = tracer.spanBuilder("send").setParent(TraceParent.parentContext(TRACEPARENT)).startSpan();
        child.end();
        SpanData data = exported.getFinishedSpanItems().get(0);
        assertEquals("0af7651916cd43dd8448eb211c80319c", data.getTraceId());
        assertEquals("b7ad6b7169203331", data.getParentSpanId());
        String own = TraceParent.of(child).orElseThrow();
        assertEquals("00-0af7651916cd43dd8448eb211c80319c-" + data.getSpanId() + "-01", own);
    }

    @Test
    void theCurrentSpansTraceparentIsEmptyOutsideASpan() {
        assertTrue(TraceParent.ofCurrentSpan().isEmpty());
        Span span = tracer.spanBuilder("request").startSpan();
        try (Scope scope = span.makeCurrent()) {
            assertEquals(span.getSpanContext().getTraceId(), TraceParent.ofCurrentSpan().orElseThrow().split("-")[1]);
        } finally {
            span.end();
        }
    }

    @Test
    void aValidHeaderIsKeptAsIs() {
        assertEquals(TRACEPARENT, TraceParent.normalize(" " + TRACEPARENT + " ").orElseThrow());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "00-00000000000000000000000000000000-b7ad6b7169203331-01",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-and-a-very-long-tail-that-does-not-fit-a-column"})
    void anythingElseIsNoTraceparentAndStartsANewTrace(String header) {
        assertTrue(TraceParent.normalize(header).isEmpty(), header);
        assertFalse(Span.fromContext(TraceParent.parentContext(header)).getSpanContext().isValid());
    }

    @Test
    void httpSpansKeepNeitherTheQueryNorTheClientAddress() {
        tracer.spanBuilder("GET /api/admin/users").setSpanKind(SpanKind.SERVER)
                .setAttribute("url.path", "/api/admin/users").setAttribute("url.query", "q=zoe@example.org")
                .setAttribute("client.address", "203.0.113.9").startSpan().end();
        tracer.spanBuilder("POST").setSpanKind(SpanKind.CLIENT)
                .setAttribute("url.full", "http://links.internal/rooms?name=Zo%C3%AB").startSpan().end();
        List<SpanData> spans = exported.getFinishedSpanItems();
        String server = spans.get(0).getAttributes().asMap().toString();
        assertFalse(server.contains("zoe@example.org"), server);
        assertFalse(server.contains("203.0.113.9"), server);
        assertTrue(server.contains("/api/admin/users"), server);
        assertEquals("http://links.internal/rooms?redacted",
                spans.get(1).getAttributes().get(PersonalDataSpanProcessor.URL_FULL));
    }
}
