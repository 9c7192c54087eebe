package org.therapybooking.booking.meeting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.meetinglink.api.BatchRequest;
import org.therapybooking.meetinglink.api.BatchResponse;
import org.therapybooking.meetinglink.api.MeetingLinkApi;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;

/**
 * Asks meeting-link-service for personalized links, one batch call per page for the links not answered in the last
 * minute ({@link CachedLinks}). The service may be down: an empty result means "unavailable", and callers answer in
 * degraded form. Links are never stored. The timeout and circuit breaker below are defaults of MicroProfile Fault
 * Tolerance, each overridable by configuration
 * ({@code quarkus.fault-tolerance."org.therapybooking.booking.meeting.MeetingLinkGateway/batch".timeout.value}, ...);
 * the HTTP timeouts are {@code quarkus.rest-client.meeting-link.*}.
 */
@ApplicationScoped
public class MeetingLinkGateway {

    private static final Logger LOG = Logger.getLogger(MeetingLinkGateway.class);

    private final MeetingLinkClient client;
    private final CachedLinks cached;

    public MeetingLinkGateway(@RestClient MeetingLinkClient client, BookingConfig config, Clock clock) {
        this.client = client;
        this.cached = new CachedLinks(config.meetingLinks().cacheTtl(), config.meetingLinks().cacheSize(), clock);
    }

    /** Links in request order, or empty when the service cannot answer now. */
    public Optional<List<MeetingLinkResponse>> links(List<MeetingLinkRequest> requests) {
        List<MeetingLinkResponse> all = new ArrayList<>(requests.size());
        List<MeetingLinkRequest> missing = new ArrayList<>();
        List<Integer> missingAt = new ArrayList<>();
        for (MeetingLinkRequest request : requests) {
            MeetingLinkResponse link = cached.get(request);
            if (link == null) {
                missing.add(request);
                missingAt.add(all.size());
            }
            all.add(link);
        }
        for (int from = 0; from < missing.size(); from += MeetingLinkApi.MAX_BATCH) {
            int to = Math.min(missing.size(), from + MeetingLinkApi.MAX_BATCH);
            Optional<List<MeetingLinkResponse>> links = batch(missing.subList(from, to));
            if (links.isEmpty()) {
                return Optional.empty();
            }
            for (int i = from; i < to; i++) {
                MeetingLinkResponse link = links.get().get(i - from);
                cached.put(missing.get(i), link);
                all.set(missingAt.get(i), link);
            }
        }
        return Optional.of(all);
    }

    @Timeout(2500)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @Fallback(fallbackMethod = "unavailable")
    Optional<List<MeetingLinkResponse>> batch(List<MeetingLinkRequest> requests) {
        BatchResponse response = client.batch(new BatchRequest(List.copyOf(requests)));
        if (response == null || response.links() == null || response.links().size() != requests.size()) {
            throw new IllegalStateException("meeting-link-service answered a batch of the wrong size");
        }
        return Optional.of(response.links());
    }

    Optional<List<MeetingLinkResponse>> unavailable(List<MeetingLinkRequest> requests) {
        LOG.warn("meeting-link-service unavailable; answering without personalized links");
        return Optional.empty();
    }
}
