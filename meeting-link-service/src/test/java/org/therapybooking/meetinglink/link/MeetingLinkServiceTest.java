package org.therapybooking.meetinglink.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.meetinglink.TestConfigs;
import org.therapybooking.meetinglink.api.BatchRequest;
import org.therapybooking.meetinglink.api.BatchResponse;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;
import org.therapybooking.meetinglink.jitsi.JitsiHashParser;

import com.fasterxml.jackson.databind.JsonNode;

/** Roles, hash config keys and room validation, in public (no token) mode. */
class MeetingLinkServiceTest {

    private static final String ROOM = "booking-123-1795000000-k3x9q2m7";
    private final MeetingLinkService service = TestConfigs.service();

    private static MeetingLinkRequest request(String room, String role) {
        return new MeetingLinkRequest(room,
                new MeetingLinkRequest.Participant("45", "Zoë", "O'Brien", "zoe@example.org", null), role, null);
    }

    private static Map<String, JsonNode> hash(MeetingLinkResponse r) {
        return JitsiHashParser.parse(r.meetingUrl()).hash();
    }

    @Test
    void clientLinkMatchesTheContractExample() {
        MeetingLinkResponse r = service.build(request(ROOM, "client"));
        assertEquals("https://meet.jit.si/" + ROOM
                + "#userInfo.displayName=%22Zo%C3%AB%20O'Brien%22&config.prejoinConfig.enabled=true", r.meetingUrl());
        assertEquals("Zoë O'Brien", r.displayName());
        assertEquals("client", r.role());
        assertFalse(r.moderatorGuaranteed());
        assertNull(r.expiresAt());
    }

    @Test
    void hostLinkTurnsMediaOnButCannotPromiseModeratorOnPublicJitsi() {
        MeetingLinkResponse r = service.build(request(ROOM, "host"));
        Map<String, JsonNode> h = hash(r);
        assertFalse(h.get("config.startWithAudioMuted").booleanValue());
        assertFalse(h.get("config.startWithVideoMuted").booleanValue());
        assertFalse(h.containsKey("config.prejoinConfig.enabled"));
        assertFalse(r.moderatorGuaranteed(), "a URL hash cannot grant moderator rights");
        assertNull(r.expiresAt());
        assertFalse(r.meetingUrl().contains("jwt="));
    }

    @Test
    void hostConfigKeysOnlyOnHostLinks() {
        for (String role : List.of("client", "observer", "presenter")) {
            Map<String, JsonNode> h = hash(service.build(request(ROOM, role)));
            if (role.equals("observer")) {
                assertTrue(h.get("config.startWithAudioMuted").booleanValue(), "observers join muted");
                assertTrue(h.get("config.startWithVideoMuted").booleanValue());
            } else {
                assertFalse(h.containsKey("config.startWithAudioMuted"), role);
                assertFalse(h.containsKey("config.startWithVideoMuted"), role);
            }
            assertFalse(service.build(request(ROOM, role)).moderatorGuaranteed());
        }
    }

    @Test
    void clientBehaviourIsConfiguration() {
        MeetingLinkService configured = TestConfigs.service(
                "meeting-links.hash.prejoin-enabled", "false",
                "meeting-links.hash.lobby-auto-knock", "true",
                "meeting-links.hash.read-only-name", "true",
                "meeting-links.hash.host-prejoin-enabled", "true",
                "meeting-links.hash.observer-starts-muted", "false");
        Map<String, JsonNode> client = hash(configured.build(request(ROOM, "client")));
        assertFalse(client.get("config.prejoinConfig.enabled").booleanValue());
        assertTrue(client.get("config.lobby.autoKnock").booleanValue());
        assertTrue(client.get("config.readOnlyName").booleanValue());
        Map<String, JsonNode> host = hash(configured.build(request(ROOM, "host")));
        assertTrue(host.get("config.prejoinConfig.enabled").booleanValue());
        assertFalse(host.containsKey("config.readOnlyName"));
        assertFalse(host.containsKey("config.lobby.autoKnock"));
        assertFalse(hash(configured.build(request(ROOM, "observer"))).containsKey("config.startWithAudioMuted"));
    }

    @Test
    void acceptsARoomUrlOnTheConfiguredDeployment() {
        MeetingLinkResponse r = service.build(request("https://MEET.jit.si/" + ROOM, "client"));
        assertTrue(r.meetingUrl().startsWith("https://meet.jit.si/" + ROOM + "#"));
    }

    @Test
    void tenantBaseUrl() {
        MeetingLinkService jaasLike = TestConfigs.service("meeting-links.jitsi.base-url", "https://8x8.vc/vpaas-magic-cookie-abc/");
        MeetingLinkResponse r = jaasLike.build(request("https://8x8.vc/vpaas-magic-cookie-abc/" + ROOM, "client"));
        assertTrue(r.meetingUrl().startsWith("https://8x8.vc/vpaas-magic-cookie-abc/" + ROOM + "#"), r.meetingUrl());
        assertEquals(ROOM, JitsiHashParser.parse(r.meetingUrl()).room());
        assertThrows(ApiException.class, () -> jaasLike.build(request("https://8x8.vc/other-tenant/" + ROOM, "client")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example/" + ROOM,
            "https://meet.jit.si.evil.example/" + ROOM,
            "https://user@evil.example/" + ROOM,
            "http://meet.jit.si/" + ROOM,
            "https://meet.jit.si:8443/" + ROOM,
            "https://meet.jit.si/" + ROOM + "#config.startWithAudioMuted=false",
            "https://meet.jit.si/" + ROOM + "?jwt=abc",
            "https://meet.jit.si/a/" + ROOM,
            "https://meet.jit.si/../" + ROOM,
            "https://meet.jit.si/",
            "javascript:alert(1)",
            "room with spaces",
            "room#hash",
            "räum",
            "//evil.example/room" })
    void rejectsRoomsNotOnTheDeployment(String room) {
        ApiException e = assertThrows(ApiException.class, () -> service.build(request(room, "client")));
        assertEquals("room", e.errors().get(0).field());
    }

    @Test
    void roomIdOfMaximalLengthIsAccepted() {
        String longRoom = "a".repeat(128);
        assertTrue(service.build(request(longRoom, "client")).meetingUrl().contains("/" + longRoom + "#"));
        assertThrows(ApiException.class, () -> service.build(request("a".repeat(129), "client")));
    }

    @Test
    void batchKeepsOrderAndReportsEveryBadItem() {
        List<MeetingLinkRequest> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            requests.add(new MeetingLinkRequest("room-" + i,
                    new MeetingLinkRequest.Participant(null, "P" + i, null, null, null), i % 2 == 0 ? "client" : "host", null));
        }
        BatchResponse ok = service.buildAll(new BatchRequest(requests));
        for (int i = 0; i < 200; i++) {
            assertEquals("P" + i, ok.links().get(i).displayName());
            assertTrue(ok.links().get(i).meetingUrl().startsWith("https://meet.jit.si/room-" + i + "#"));
        }
        requests.set(3, request("https://evil.example/x", "client"));
        requests.set(7, request("bad room", "client"));
        ApiException e = assertThrows(ApiException.class, () -> service.buildAll(new BatchRequest(requests)));
        assertEquals(List.of("requests[3].room", "requests[7].room"), e.errors().stream().map(x -> x.field()).toList());
        requests.add(request(ROOM, "client"));
        ApiException tooMany = assertThrows(ApiException.class, () -> service.buildAll(new BatchRequest(requests)));
        assertEquals("requests", tooMany.errors().get(0).field());
    }
}
