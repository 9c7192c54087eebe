package org.therapybooking.booking.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;

class CachedLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private static MeetingLinkResponse expiring(Instant expiresAt) {
        return new MeetingLinkResponse("https://meet.example.test/room#x", "Zoë", "client", false, expiresAt);
    }

    private static MeetingLinkRequest request(String firstName) {
        return new MeetingLinkRequest("room-1", MeetingLinkRequest.Participant.named("7", firstName, "O'Brien"), "client",
                new MeetingLinkRequest.Session(NOW.plus(Duration.ofDays(1)), 50));
    }

    @Test
    void aLinkIsKeptForTheTtlAtMostAndForHalfTheTimeItsTokenHasLeft() {
        CachedLinks links = new CachedLinks(Duration.ofSeconds(60), 10, clock);
        assertEquals(Duration.ofSeconds(60), links.keepFor(expiring(null)), "no token: the ttl");
        assertEquals(Duration.ofSeconds(60), links.keepFor(expiring(NOW.plus(Duration.ofDays(1)))));
        assertEquals(Duration.ofSeconds(20), links.keepFor(expiring(NOW.plusSeconds(40))), "half of what is left");
        assertEquals(Duration.ZERO, links.keepFor(expiring(NOW)), "expired: never kept");
        assertEquals(Duration.ZERO, links.keepFor(expiring(NOW.minusSeconds(1))));
    }

    @Test
    void theWholeRequestIsTheKeyAndNothingIsKeptWithAZeroTtl() {
        CachedLinks links = new CachedLinks(Duration.ofSeconds(60), 10, clock);
        MeetingLinkResponse link = expiring(NOW.plus(Duration.ofDays(1)));
        links.put(request("Zoë"), link);
        assertSame(link, links.get(request("Zoë")), "an equal request finds it");
        assertNull(links.get(request("Renée")), "another name is another link");

        CachedLinks off = new CachedLinks(Duration.ZERO, 10, clock);
        off.put(request("Zoë"), link);
        assertNull(off.get(request("Zoë")));
        assertEquals(0, off.size());
    }

    @Test
    void theNumberOfLinksKeptIsBounded() {
        CachedLinks links = new CachedLinks(Duration.ofSeconds(60), 3, clock);
        for (int i = 0; i < 50; i++) {
            links.put(request("name " + i), expiring(null));
        }
        assertEquals(3, links.size());
    }
}
