package org.therapybooking.meetinglink.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.therapybooking.meetinglink.support.ServiceMappers;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The hand-written serializer writes byte for byte what the reflective bean serializer wrote before it. */
class MeetingLinkResponseSerializerTest {

    private static final ObjectMapper WITH_SERIALIZER = ServiceMappers.serviceLike();
    private static final ObjectMapper REFLECTIVE = ServiceMappers.withoutHandWrittenCodecs();

    static List<MeetingLinkResponse> links() {
        return List.of(
                new MeetingLinkResponse("https://meet.jit.si/room#userInfo.displayName=%22Zo%C3%AB%22", "Zoë O'Brien",
                        "client", false, null),
                new MeetingLinkResponse("https://meet.example.org/room?jwt=a.b.c#x=1", "Dr. \"Ana\" <b>&amp;</b> \u202Eevil",
                        "host", true, Instant.parse("2026-12-01T11:15:00Z")),
                new MeetingLinkResponse("https://meet.example.org/r", "فاطمة 👩🏽‍⚕️ \n\t\u0000", "observer", false,
                        Instant.parse("2026-12-01T11:15:00.123456789Z")),
                new MeetingLinkResponse(null, null, null, false, Instant.EPOCH));
    }

    @ParameterizedTest
    @MethodSource("links")
    void writesWhatTheBeanSerializerWrote(MeetingLinkResponse link) throws Exception {
        assertEquals(REFLECTIVE.writeValueAsString(link), WITH_SERIALIZER.writeValueAsString(link));
        BatchResponse batch = new BatchResponse(List.of(link, link));
        assertEquals(REFLECTIVE.writeValueAsString(batch), WITH_SERIALIZER.writeValueAsString(batch));
    }
}
