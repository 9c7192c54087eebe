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
import org.therapybooking.meetinglink.link.MeetingLinkRequest;
import org.therapybooking.meetinglink.link.MeetingLinkResponse;
import org.therapybooking.meetinglink.support.ServiceMappers;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

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
        serviceReader = ServiceMappers.serviceLike().readerFor(MeetingLinkRequest.class);
        jacksonReader = ServiceMappers.withJacksonInstantReader().readerFor(MeetingLinkRequest.class);
        writer = ServiceMappers.serviceLike().writerFor(MeetingLinkResponse.class);
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
