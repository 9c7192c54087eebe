package org.therapybooking.meetinglink.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.therapybooking.meetinglink.TestConfigs;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;
import org.therapybooking.meetinglink.jitsi.JitsiHashParser;
import org.therapybooking.meetinglink.jitsi.JitsiHashParser.ParsedUrl;

/**
 * Hostile and international names: every URL, read back by Jitsi's own parsing rules (re-implemented in
 * {@link JitsiHashParser}), yields exactly the intended display name and no other keys than ours.
 */
class HostileNamesTest {

    private static final MeetingLinkService SERVICE = TestConfigs.service();
    private static final String ROOM = "booking-123-1795000000-k3x9q2m7";
    private static final String LONG = "Ab".repeat(100);

    static Stream<Arguments> names() {
        return Stream.of(
                // first, last, custom display name, expected display name
                Arguments.of("Zoë", "O'Brien", null, "Zoë O'Brien"),
                Arguments.of("John \"Johnny\"", "Doe", null, "John \"Johnny\" Doe"),
                Arguments.of("A&B", "=C#D", null, "A&B =C#D"),
                Arguments.of("x&config.startWithAudioMuted=true", "y", null, "x&config.startWithAudioMuted=true y"),
                Arguments.of("\"&userInfo.displayName=\"Evil", "#", null, "\"&userInfo.displayName=\"Evil #"),
                Arguments.of("100%", "%25%22", null, "100% %25%22"),
                Arguments.of("a+b", "c d", null, "a+b c d"),
                Arguments.of("Back\\slash", "\\&amp", null, "Back\\slash \\&amp"),
                Arguments.of("\u201CCurly\u201D", "\u2018quote\u2019", null, "\u201CCurly\u201D \u2018quote\u2019"),
                Arguments.of("😀", "🙂", null, "😀 🙂"),
                Arguments.of("👩‍👩‍👧‍👦 Family", "👨🏽‍⚕️", null, "👩‍👩‍👧‍👦 Family 👨🏽‍⚕️"),
                Arguments.of("Flags", "🇺🇦🇳🇴🏴󠁧󠁢󠁳󠁣󠁴󠁿", null, "Flags 🇺🇦🇳🇴🏴󠁧󠁢󠁳󠁣󠁴󠁿"),
                Arguments.of("محمد", "عبد الله", null, "محمد عبد الله"),
                Arguments.of("שרה", "כהן", null, "שרה כהן"),
                Arguments.of("Zoe\u0308", "Ko\u0308nig", null, "Zoe\u0308 Ko\u0308nig"),
                Arguments.of("Ŝ̷̢͕̹̺t̵̡̻̓r̴a̶n̷g̷e", "", null, "Ŝ̷̢͕̹̺t̵̡̻̓r̴a̶n̷g̷e"),
                Arguments.of("<script>alert('x')</script>", "</a>", null, "<script>alert('x')</script> </a>"),
                Arguments.of("Line\nbreak", "Tab\tand\u0000nul", null, "Line break Tab and nul"),
                Arguments.of("  padded  ", "\r\n", null, "padded"),
                Arguments.of("\u202EevilRTL", "override\u202C", null, "evilRTL override"),
                Arguments.of("\u2067isolated\u2069", "\u2066fsi\u2068x\u2069", null, "isolated fsix"),
                Arguments.of("日本", "太郎", null, "日本 太郎"),
                Arguments.of("undefined", "", null, "undefined"),
                Arguments.of("null", "", null, "null"),
                Arguments.of("__proto__", "constructor", null, "__proto__ constructor"),
                Arguments.of("", "", "  Dr. Ada & Co \"Therapy\" #1  ", "Dr. Ada & Co \"Therapy\" #1"),
                Arguments.of("", "", "a\u2028b\u2029c", "a b c"),
                Arguments.of("", "", LONG, LONG.substring(0, 64)),
                Arguments.of("", "", "a".repeat(63) + "👩‍👩‍👧‍👦", "a".repeat(63)),
                Arguments.of("", "", "a".repeat(62) + "🇺🇦", "a".repeat(62) + "🇺🇦"),
                Arguments.of("", "", "a".repeat(63) + "🇺🇦", "a".repeat(63)),
                Arguments.of("", "", "a".repeat(63) + "e\u0301", "a".repeat(63)),
                Arguments.of("\uD800lone", "surrogate\uDC00", null, "\uFFFDlone surrogate\uFFFD"));
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @MethodSource("names")
    void displayNameRoundTripsThroughJitsiParsing(String first, String last, String custom, String expected)
            throws Exception {
        for (String role : List.of("client", "host", "observer", "presenter")) {
            MeetingLinkResponse link = SERVICE.build(new MeetingLinkRequest(ROOM,
                    new MeetingLinkRequest.Participant("45", first, last, "zoe@example.org", custom), role, null));

            assertEquals(expected, link.displayName());
            String url = link.meetingUrl();
            assertFalse(url.matches("(?s).*\\s.*"), "no whitespace (Jitsi strips it): " + url);
            assertFalse(url.contains("+"), "never '+': " + url);
            URI uri = new URI(url); // strict RFC 2396 parse: every character is legal where it stands
            assertEquals("meet.jit.si", uri.getHost());

            ParsedUrl parsed = JitsiHashParser.parse(url);
            assertEquals(List.of(), parsed.rejectedKeys(), "every value must JSON-parse");
            assertEquals(ROOM, parsed.room());
            assertEquals("", parsed.search());
            assertEquals(expected, parsed.hash().get("userInfo.displayName").textValue(), url);
            Set<String> expectedKeys = switch (role) {
                case "host" -> Set.of("userInfo.displayName", "config.startWithAudioMuted", "config.startWithVideoMuted");
                case "observer" -> Set.of("userInfo.displayName", "config.prejoinConfig.enabled",
                        "config.startWithAudioMuted", "config.startWithVideoMuted");
                default -> Set.of("userInfo.displayName", "config.prejoinConfig.enabled");
            };
            assertEquals(expectedKeys, parsed.hash().keySet(), "no injected keys");
            assertTrue(url.chars().filter(c -> c == '#').count() == 1, "exactly one '#'");
        }
    }
}
