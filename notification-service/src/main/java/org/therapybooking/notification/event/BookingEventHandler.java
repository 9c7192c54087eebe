package org.therapybooking.notification.event;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.therapybooking.notification.booking.BookingRecord;
import org.therapybooking.notification.booking.BookingRepository;
import org.therapybooking.notification.booking.BookingStatus;
import org.therapybooking.notification.booking.PersonProfiles;
import org.therapybooking.notification.common.NotificationConfig;
import org.therapybooking.notification.event.BookingEventParser.ParsedEvent;
import org.therapybooking.notification.planning.NotificationPlanner;

/**
 * Applies one booking event: records its id, updates the booking snapshot and plans emails, all in one
 * transaction, so a redelivered event (same event_id) changes nothing and sends nothing.
 */
@ApplicationScoped
public class BookingEventHandler {
    private static final Logger LOG = Logger.getLogger(BookingEventHandler.class);

    private final EntityManager em;
    private final BookingRepository bookings;
    private final NotificationPlanner planner;
    private final NotificationConfig config;
    private final Clock clock;
    private final PersonProfiles profiles;

    BookingEventHandler(EntityManager em, BookingRepository bookings, NotificationPlanner planner,
            NotificationConfig config, Clock clock, PersonProfiles profiles) {
        this.profiles = profiles;
        this.em = em;
        this.bookings = bookings;
        this.planner = planner;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param traceparent the record's W3C traceparent (null when it came without one), kept on the rows planned
     * @return false when the event had already been processed
     */
    @Transactional
    public boolean apply(ParsedEvent parsed, String traceparent) {
        BookingEvent event = parsed.event();
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("""
                INSERT INTO processed_event (event_id, event_type, booking_id, processed_at)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, event.eventId())
                .setParameter(2, event.eventType())
                .setParameter(3, event.bookingId())
                .setParameter(4, now)
                .executeUpdate();
        if (inserted == 0) {
            LOG.infof("event %s (%s, booking %d) already processed; ignored", event.eventId(), event.eventType(),
                    event.bookingId());
            return false;
        }
        BookingRecord booking = bookings.findById(event.bookingId());
        if (booking != null && event.booking().sequence() < booking.sequence) {
            LOG.warnf("event %s for booking %d carries sequence %d, older than the known %d; ignored",
                    event.eventId(), event.bookingId(), event.booking().sequence(), booking.sequence);
            return true;
        }
        if (booking != null && booking.isCancelled() && parsed.type() != EventType.CANCELLED
                && event.booking().sequence() <= booking.sequence) {
            // e.g. a payment confirmed after the cancel: the snapshot stays cancelled and nothing is planned
            LOG.warnf("event %s (%s) for booking %d arrived after its cancellation (sequence %d); ignored",
                    event.eventId(), event.eventType(), event.bookingId(), event.booking().sequence());
            return true;
        }
        if (booking != null && booking.isOver() && event.booking().status() == BookingStatus.SCHEDULED
                && event.booking().sequence() <= booking.sequence) {
            // completed and no_show are final: an event still saying scheduled is older news
            LOG.warnf("event %s (%s) for booking %d arrived after its outcome (%s); ignored", event.eventId(),
                    event.eventType(), event.bookingId(), booking.status.code());
            return true;
        }
        if (booking == null) {
            booking = new BookingRecord();
            booking.bookingId = event.bookingId();
            copy(event, booking, now);
            bookings.persist(booking);
        } else {
            copy(event, booking, now);
        }
        profiles.applyNewer(booking, event.occurredAt());
        switch (parsed.type()) {
            case CREATED -> {
                if (config.meetingInfoTrigger() == NotificationConfig.Trigger.CREATED && !booking.notificationsPlanned) {
                    planner.planInitial(booking, traceparent);
                }
            }
            case PAID -> {
                if (config.meetingInfoTrigger() == NotificationConfig.Trigger.PAID) {
                    if (!booking.notificationsPlanned) {
                        planner.planInitial(booking, traceparent);
                    }
                } else {
                    planner.planPaymentReceived(booking, traceparent);
                }
            }
            case RESCHEDULED -> {
                if (booking.notificationsPlanned) {
                    planner.planReschedule(booking, traceparent);
                } else if (config.meetingInfoTrigger() == NotificationConfig.Trigger.CREATED) {
                    planner.planInitial(booking, traceparent);
                }
            }
            case CANCELLED -> planner.planCancellation(booking, booking.notificationsPlanned, traceparent);
            case EXPIRED -> planner.planExpiry(booking, traceparent);
            case COMPLETED, NO_SHOW -> planner.planSessionOver(booking);
            case CLIENT_WAITING -> planner.planClientWaiting(booking, traceparent);
        }
        LOG.debugf("applied %s %s for booking %d", event.eventType(), event.eventId(), event.bookingId());
        return true;
    }

    private static void copy(BookingEvent event, BookingRecord booking, Instant now) {
        BookingEvent.Booking b = event.booking();
        booking.status = b.status();
        booking.scheduledAt = b.scheduledAt();
        booking.durationMinutes = b.duration();
        booking.jitsiRoomId = b.jitsiRoomId();
        booking.jitsiRoomUrl = b.jitsiRoomUrl();
        booking.sequence = b.sequence();
        booking.paymentStatus = b.paymentStatus();
        booking.clientUserId = event.recipient().userId();
        booking.clientFirstName = event.recipient().firstName();
        booking.clientLastName = event.recipient().lastName();
        booking.clientEmail = event.recipient().email();
        booking.clientTimeZone = event.recipient().timeZone();
        booking.hostUserId = event.host().userId();
        booking.hostFirstName = event.host().firstName();
        booking.hostLastName = event.host().lastName();
        booking.hostEmail = event.host().email();
        booking.hostTimeZone = event.host().timeZone();
        booking.clientJoinUrl = event.recipient().joinUrl();
        booking.hostJoinUrl = event.host().joinUrl();
        booking.cancellableUntil = b.cancellableUntil();
        booking.reschedulableUntil = b.reschedulableUntil();
        if (b.clientJoinedAt() != null) {
            booking.clientJoinedAt = b.clientJoinedAt();
        }
        booking.updatedAt = now;
    }
}
