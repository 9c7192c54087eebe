package org.therapybooking.meetinglink.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.therapybooking.meetinglink.api.IsoInstantDeserializer;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON half of {@code POST /api/meeting-links} without HTTP: reading the contract example request (with the
 * service's instant reader, and with Jackson's own for comparison) and writing a link.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonBindingBenchmark {

    static final byte[] REQUEST = ("{\"room\":\"booking-123-1795000000-k3x9q2m7\",\"participant\":{\"id\":\"45\","
            + "\"first_name\":\"Zoë\",\"last_name\":\"O'Brien\",\"email\":\"zoe@example.org\",\"display_name\":null},"
            + "\"role\":\"client\",\"session\":{\"starts_at\":\"2026-12-01T10:00:00Z\",\"duration\":60}}")
            .getBytes(StandardCharsets.UTF_8);
    static final MeetingLinkResponse LINK = new MeetingLinkResponse(
            "https://meet.jit.si/booking-123-1795000000-k3x9q2m7#userInfo.displayName=%22Zo%C3%AB%20O'Brien%22"
                    + "&config.prejoinConfig.enabled=true",
            "Zoë O'Brien", "client", false, null);

    private ObjectReader serviceReader;
    private ObjectReader jacksonReader;
    private ObjectWriter writer;

    @Setup
    public void setUp() {
        serviceReader = serviceLikeMapper().build().readerFor(MeetingLinkRequest.class);
        // the same mapper with @JsonDeserialize(using = IsoInstantDeserializer.class) ignored: Jackson's own reader
        jacksonReader = serviceLikeMapper().annotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Object findDeserializer(Annotated annotated) {
                Object deserializer = super.findDeserializer(annotated);
                return deserializer == IsoInstantDeserializer.class ? null : deserializer;
            }
        }).build().readerFor(MeetingLinkRequest.class);
        writer = serviceLikeMapper().build().writerFor(MeetingLinkResponse.class);
    }

    /** Configured like the service (application.properties: snake_case, ISO dates). */
    private static JsonMapper.Builder serviceLikeMapper() {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Benchmark
    public MeetingLinkRequest readRequest() throws IOException {
        return serviceReader.readValue(REQUEST);
    }

    @Benchmark
    public MeetingLinkRequest readRequestJacksonInstant() throws IOException {
        return jacksonReader.readValue(REQUEST);
    }

    @Benchmark
    public byte[] writeLink() throws IOException {
        return writer.writeValueAsBytes(LINK);
    }
}
