package org.therapybooking.booking.joinpage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.therapybooking.booking.booking.Booking;
import org.therapybooking.booking.booking.BookingDetails;
import org.therapybooking.booking.booking.BookingViewAssembler;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.common.PaymentStatus;
import org.therapybooking.booking.join.JoinTokens;
import org.therapybooking.booking.join.JoinTokens.Claim;
import org.therapybooking.booking.join.JoinTokens.Role;
import org.therapybooking.booking.meeting.MeetingLinkGateway;
import org.therapybooking.booking.user.User;
import org.therapybooking.commons.time.TimeZones;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Decides what opening a join link does: a redirect to a freshly built personal Jitsi URL while the
 * booking is scheduled, current, paid where payment is required, and within its join window; otherwise a page that
 * says why. The first and last join of each side are recorded on the booking.
 */
@ApplicationScoped
public class JoinService {

    /** Ids from sequences start at 1: this claim never finds a booking or a user. */
    private static final Claim NOBODY = new Claim(0, 0, Role.CLIENT, 0);
    /** The last join is kept to this resolution (see {@link #recordJoin}). */
    private static final Duration LAST_JOIN_RESOLUTION = Duration.ofMinutes(1);

    private final JoinTokens tokens;
    private final MeetingLinkGateway gateway;
    private final BookingConfig config;
    private final Clock clock;
    private final EntityManager em;
    private final JoinAttemptLimiter limiter;

    public JoinService(JoinTokens tokens, MeetingLinkGateway gateway, BookingConfig config, Clock clock,
            EntityManager em, JoinAttemptLimiter limiter) {
        this.tokens = tokens;
        this.gateway = gateway;
        this.config = config;
        this.clock = clock;
        this.em = em;
        this.limiter = limiter;
    }

    /** What opening {@code token} from {@code clientAddress} does now. */
    public JoinOutcome open(String token, String clientAddress) {
        Resolved resolved = resolve(token, clientAddress);
        if (resolved.refusal() != null) {
            return JoinOutcome.page(resolved.refusal());
        }
        Snapshot snapshot = resolved.snapshot();
        BookingDetails booking = snapshot.booking();
        ZoneId zone = snapshot.zone();
        Instant now = clock.instant();
        if (booking.status() == BookingStatus.CANCELLED) {
            return JoinOutcome.page(JoinPage.cancelled(booking, zone));
        }
        if (snapshot.claim().sequence() != booking.sequence()) {
            return JoinOutcome.page(JoinPage.moved(booking, zone));
        }
        if (booking.status().isOver() || now.isAfter(closesAt(booking))) {
            return JoinOutcome.page(JoinPage.ended(booking, zone));
        }
        Instant opensAt = opensAt(booking);
        if (now.isBefore(opensAt)) {
            return JoinOutcome.page(JoinPage.tooEarly(booking, zone, opensAt, now));
        }
        if (snapshot.claim().role() == Role.CLIENT && config.joinLinks().requirePayment()
                && booking.paymentStatus() != PaymentStatus.SUCCEEDED) {
            return JoinOutcome.page(JoinPage.paymentNeeded(booking, zone));
        }
        Optional<MeetingLinkResponse> link = gateway.links(List.of(request(snapshot))).map(links -> links.get(0));
        if (link.isEmpty()) {
            return JoinOutcome.page(JoinPage.unavailable(config.meetingLinks().retryAfter().toSeconds()));
        }
        Instant lastJoin = snapshot.claim().role() == Role.HOST ? booking.hostLastJoinedAt() : booking.clientLastJoinedAt();
        if (lastJoin == null || lastJoin.isBefore(now.minus(LAST_JOIN_RESOLUTION))) {
            // a reload within the minute needs no write, not even a transaction
            QuarkusTransaction.requiringNew().run(() -> recordJoin(booking.id(), snapshot.claim().role(), now));
        }
        return JoinOutcome.redirect(link.get().meetingUrl());
    }

    /**
     * The participant's booking page: the booking as it stands (never a redirect), with the join link while the
     * booking is scheduled, current and its window not over. An unknown token gets the unknown page and counts
     * against the address as on {@link #open}.
     */
    public JoinPage bookingPage(String token, String clientAddress) {
        Resolved resolved = resolve(token, clientAddress);
        if (resolved.refusal() != null) {
            return resolved.refusal();
        }
        Claim claim = resolved.snapshot().claim();
        BookingDetails booking = resolved.snapshot().booking();
        Instant now = clock.instant();
        boolean current = claim.sequence() == booking.sequence();
        boolean joinable = current && booking.status() == BookingStatus.SCHEDULED && !now.isAfter(closesAt(booking));
        return JoinPage.booking(booking, resolved.snapshot().zone(), current, claim.role() == Role.CLIENT,
                booking.scheduledAt().minus(config.bookings().rescheduleNotice()), opensAt(booking), now,
                // relative to /j/<token>/booking: right behind any gateway prefix and on any host
                joinable ? "../" + token : null);
    }

    /** The join window: from {@code opens-before} the start to {@code closes-after} the end. */
    private Instant opensAt(BookingDetails booking) {
        return booking.scheduledAt().minus(config.joinLinks().opensBefore());
    }

    private Instant closesAt(BookingDetails booking) {
        return booking.endsAt().plus(config.joinLinks().closesAfter());
    }

    /**
     * The address's limit and the token's booking, read in one transaction: the booking as the token names it, or
     * the page that answers instead (too many attempts from this address, or an unknown link, which counts against
     * the address). A token that does not open still costs the same lookups (of ids that never exist), so an
     * unknown link and one whose participant no longer matches take the same path and about the same time.
     */
    private Resolved resolve(String token, String clientAddress) {
        Claim claim = tokens.open(token).orElse(NOBODY);
        Resolved resolved = QuarkusTransaction.requiringNew().call(() -> {
            OptionalLong wait = limiter.retryAfter(clientAddress);
            if (wait.isPresent()) {
                return new Resolved(null, JoinPage.tooManyAttempts(wait.getAsLong()), false);
            }
            return load(claim).map(snapshot -> new Resolved(snapshot, null, false))
                    .orElseGet(() -> new Resolved(null, JoinPage.unknown(), true));
        });
        if (resolved.unknownLink()) {
            limiter.countFailure(clientAddress);
        }
        return resolved;
    }

    /** The booking and its participant as the token names them; empty when either no longer matches. */
    private Optional<Snapshot> load(Claim claim) {
        // the booking with its slot in one query (the views need both); the participant by id
        Booking booking = Booking.find("from Booking b join fetch b.schedule where b.id = ?1", claim.bookingId())
                .firstResult();
        User participant = User.findById(claim.participantId());
        if (booking == null || participant == null) {
            return Optional.empty();
        }
        boolean matches = claim.role() == Role.HOST ? participant.admin : booking.user.id.equals(participant.id);
        if (!matches) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(claim, BookingDetails.of(booking), participant.id, participant.firstName,
                participant.lastName, TimeZones.parse(participant.timeZone)));
    }

    /**
     * First join kept, last join moved: one statement, no read-modify-write race between replicas. At most one
     * write per side and minute: reopening the link (a reload, a second device) finds the row current and neither
     * locks nor writes it, so a burst on one booking does not queue on its row.
     */
    private void recordJoin(long bookingId, Role role, Instant now) {
        String side = role == Role.HOST ? "host" : "client";
        em.createNativeQuery("update booking set " + side + "_joined_at = coalesce(" + side + "_joined_at, ?1), "
                + side + "_last_joined_at = ?1 where id = ?2 and (" + side + "_last_joined_at is null or "
                + side + "_last_joined_at < ?3)").setParameter(1, now).setParameter(2, bookingId)
                .setParameter(3, now.minus(LAST_JOIN_RESOLUTION)).executeUpdate();
    }

    private static MeetingLinkRequest request(Snapshot snapshot) {
        BookingDetails booking = snapshot.booking();
        return new MeetingLinkRequest(booking.jitsiRoomId(),
                MeetingLinkRequest.Participant.named(String.valueOf(snapshot.participantId()), snapshot.firstName(),
                        snapshot.lastName()),
                snapshot.claim().role() == Role.HOST ? BookingViewAssembler.ROLE_HOST
                        : BookingViewAssembler.ROLE_CLIENT,
                new MeetingLinkRequest.Session(booking.scheduledAt(), booking.duration()));
    }

    /** Either the snapshot, or the page that answers instead of it ({@code unknownLink}: counts as a failure). */
    private record Resolved(Snapshot snapshot, JoinPage refusal, boolean unknownLink) {
    }

    private record Snapshot(Claim claim, BookingDetails booking, long participantId, String firstName,
            String lastName, ZoneId zone) {
    }
}
