package org.therapybooking.booking.meeting;

import java.time.Clock;
import java.time.Duration;

import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * meeting-link-service's answers, kept for a short while per replica so that a list read again (the client app
 * refreshing, a dashboard polling) costs no remote call. The key is the whole request (room, participant with
 * names, role, session window), so a renamed participant, a rescheduled session or a new room never gets an old
 * link; an answer is kept for at most {@code ttl} and at most half of the time its token has left, so a link handed
 * out from here is always valid for a good while. A ttl of zero keeps nothing.
 */
final class CachedLinks {

    private final Cache<MeetingLinkRequest, MeetingLinkResponse> answers;
    private final Duration ttl;
    private final Clock clock;

    CachedLinks(Duration ttl, long maxEntries, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.answers = Caffeine.newBuilder().maximumSize(maxEntries).expireAfter(new Expiry<MeetingLinkRequest, MeetingLinkResponse>() {
            @Override
            public long expireAfterCreate(MeetingLinkRequest request, MeetingLinkResponse link, long now) {
                return keepFor(link).toNanos();
            }

            @Override
            public long expireAfterUpdate(MeetingLinkRequest request, MeetingLinkResponse link, long now, long left) {
                return keepFor(link).toNanos();
            }

            @Override
            public long expireAfterRead(MeetingLinkRequest request, MeetingLinkResponse link, long now, long left) {
                return left;
            }
        }).build();
    }

    MeetingLinkResponse get(MeetingLinkRequest request) {
        return answers.getIfPresent(request);
    }

    void put(MeetingLinkRequest request, MeetingLinkResponse link) {
        if (!keepFor(link).isZero()) {
            answers.put(request, link);
        }
    }

    /** How long an answer may be handed out again: zero when it should not be kept at all. */
    Duration keepFor(MeetingLinkResponse link) {
        if (ttl.isZero() || ttl.isNegative()) {
            return Duration.ZERO;
        }
        if (link.expiresAt() == null) {
            return ttl;
        }
        Duration left = Duration.between(clock.instant(), link.expiresAt());
        if (left.isNegative() || left.isZero()) {
            return Duration.ZERO;
        }
        Duration half = left.dividedBy(2);
        return half.compareTo(ttl) < 0 ? half : ttl;
    }

    long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }
}
