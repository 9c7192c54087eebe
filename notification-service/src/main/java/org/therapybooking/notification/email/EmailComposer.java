package org.therapybooking.notification.email;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.therapybooking.notification.booking.BookingRecord;
import org.therapybooking.notification.booking.RecipientRole;
import org.therapybooking.notification.common.NotificationConfig;
import org.therapybooking.notification.planning.Notification;
import org.therapybooking.notification.planning.NotificationKind;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.TemplateInstance;

/** Renders one notification into a Mail: subject, HTML and text bodies, and the ICS attachment. */
@ApplicationScoped
public class EmailComposer {

    static final Locale LOCALE = Locale.ENGLISH;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu, HH:mm", LOCALE);
    private static final DateTimeFormatter SHORT_DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", LOCALE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", LOCALE);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("'UTC'xxx", LOCALE);
    /** The zone's name for that instant (summer or winter time), not only its id. */
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzzz", LOCALE);

    private final NotificationConfig config;
    private final Clock clock;
    private final String from;

    public EmailComposer(NotificationConfig config, Clock clock,
            @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.config = config;
        this.clock = clock;
        this.from = from;
    }

    /**
     * @param joinUrl the recipient's join link, or null for a cancellation
     * @param personalized whether joinUrl is the recipient's own link: a join link from the event or a URL from
     *     meeting-link-service (false: the plain room link)
     */
    public Mail compose(Notification n, BookingRecord booking, String joinUrl, boolean personalized) {
        BookingRecord.Participant to = booking.participant(n.recipientRole);
        BookingRecord.Participant other = booking.participant(
                n.recipientRole == RecipientRole.CLIENT ? RecipientRole.HOST : RecipientRole.CLIENT);
        EmailView view = view(n, booking, to, other, joinUrl, personalized);

        TemplateInstance html;
        TemplateInstance text;
        IcsBuilder.Method method = IcsBuilder.Method.REQUEST;
        switch (n.kind) {
            case MEETING_INFO -> {
                html = EmailTemplates.meetingInfoHtml(view);
                text = EmailTemplates.meetingInfoText(view);
            }
            case REMINDER -> {
                html = EmailTemplates.reminderHtml(view);
                text = EmailTemplates.reminderText(view);
            }
            case PAYMENT_RECEIVED -> {
                html = EmailTemplates.paymentReceivedHtml(view);
                text = EmailTemplates.paymentReceivedText(view);
            }
            case CLIENT_WAITING -> {
                html = EmailTemplates.clientWaitingHtml(view);
                text = EmailTemplates.clientWaitingText(view);
            }
            case EXPIRED -> {
                html = EmailTemplates.expiredHtml(view);
                text = EmailTemplates.expiredText(view);
                method = IcsBuilder.Method.CANCEL;
            }
            default -> {
                html = EmailTemplates.cancellationHtml(view);
                text = EmailTemplates.cancellationText(view);
                method = IcsBuilder.Method.CANCEL;
            }
        }
        Mail mail = Mail.withHtml(to.email(), MimeHeaderEncoding.encode(view.subject()), html.render())
                .setText(text.render());
        if (n.kind.carriesCalendar()) {
            String ics = IcsBuilder.build(method, calendarEvent(booking, to, other, joinUrl));
            mail.addAttachment(method == IcsBuilder.Method.CANCEL ? "cancelled-session.ics" : "session.ics",
                    ics.getBytes(StandardCharsets.UTF_8), "text/calendar; charset=UTF-8; method=" + method.name());
        }
        return mail.addHeader("Message-ID", messageId(n, config.messageIdDomain().orElseGet(() -> domainOf(from))))
                .addHeader("X-Therapy-Booking-Id", Long.toString(booking.bookingId))
                .addHeader("X-Therapy-Notification-Id", Long.toString(n.id));
    }

    /**
     * An account email to the account holder: the reset link with its expiry in their zone, or the notice that the
     * password was changed. No calendar file, no booking.
     */
    public Mail composeAccount(Notification n) {
        ZoneId zone = ZoneId.of(n.recipientTimeZone);
        String expires = null;
        if (n.actionExpiresAt != null) {
            ZonedDateTime at = n.actionExpiresAt.atZone(zone);
            expires = DATE_TIME.format(at) + " (" + ZONE_NAME.format(at) + ", " + zone.getId() + ")";
        }
        ZonedDateTime now = clock.instant().atZone(zone);
        AccountEmailView view = new AccountEmailView("en", switch (n.kind) {
                    case PASSWORD_RESET -> "Choose a new password";
                    case INVITATION -> "You are invited to the practice's Therapy Booking";
                    case EMAIL_VERIFICATION -> "Confirm your e-mail address";
                    default -> "Your password was changed";
                },
                n.recipientName, n.recipientEmail, n.actionUrl, expires,
                DATE_TIME.format(now) + " (" + ZONE_NAME.format(now) + ")",
                config.assetBaseUrl().orElse(config.appBaseUrl()));
        TemplateInstance html = switch (n.kind) {
            case PASSWORD_RESET -> EmailTemplates.passwordResetHtml(view);
            case INVITATION -> EmailTemplates.invitationHtml(view);
            case EMAIL_VERIFICATION -> EmailTemplates.emailVerificationHtml(view);
            default -> EmailTemplates.passwordChangedHtml(view);
        };
        TemplateInstance text = switch (n.kind) {
            case PASSWORD_RESET -> EmailTemplates.passwordResetText(view);
            case INVITATION -> EmailTemplates.invitationText(view);
            case EMAIL_VERIFICATION -> EmailTemplates.emailVerificationText(view);
            default -> EmailTemplates.passwordChangedText(view);
        };
        return Mail.withHtml(n.recipientEmail, MimeHeaderEncoding.encode(view.subject()), html.render())
                .setText(text.render())
                .addHeader("Message-ID", messageId(n, config.messageIdDomain().orElseGet(() -> domainOf(from))))
                .addHeader("X-Therapy-Notification-Id", Long.toString(n.id));
    }

    /**
     * One Message-ID per notification, the same on every attempt: should a retry follow a send whose outcome was
     * unknown, receiving systems and mail clients see the same message again, not a new one. (The Vert.x mail
     * client generates a random one per send unless the message brings its own.)
     */
    public static String messageId(Notification n, String domain) {
        return "<notification-" + n.id + "." + n.kind.code() + "@" + domain + ">";
    }

    /** The domain of an address such as {@code Therapy Practice <no-reply@practice.example>}. */
    static String domainOf(String address) {
        String a = address.trim();
        if (a.endsWith(">")) {
            a = a.substring(a.lastIndexOf('<') + 1, a.length() - 1);
        }
        int at = a.lastIndexOf('@');
        if (at < 0 || at == a.length() - 1) {
            throw new IllegalStateException("no domain in the sender address " + address
                    + "; set notifications.message-id-domain");
        }
        return a.substring(at + 1).trim();
    }

    EmailView view(Notification n, BookingRecord booking, BookingRecord.Participant to,
            BookingRecord.Participant other, String joinUrl, boolean personalized) {
        ZonedDateTime start = booking.scheduledAt.atZone(to.zone());
        ZonedDateTime end = booking.endsAt().atZone(to.zone());
        String shortWhen = SHORT_DATE_TIME.format(start) + " " + OFFSET.format(start);
        String withWhom = n.recipientRole == RecipientRole.HOST ? " with " + other.fullName() : "";
        String lead = n.kind == NotificationKind.REMINDER ? lead(n.offset()) : null;
        String subject = switch (n.kind) {
            case MEETING_INFO -> (n.isUpdate ? "Updated: your therapy session" + withWhom + " is now on "
                    : "Your therapy session" + withWhom + " on ") + shortWhen;
            case REMINDER -> "Reminder: your therapy session" + withWhom + " starts " + lead + " (" + shortWhen + ")";
            case CANCELLATION -> "Cancelled: your therapy session" + withWhom + " on " + shortWhen;
            case PAYMENT_RECEIVED -> "Payment received: your therapy session" + withWhom + " on " + shortWhen;
            case EXPIRED -> "Released (not paid): your therapy session" + withWhom + " on " + shortWhen;
            case CLIENT_WAITING -> other.fullName() + " is waiting for you: your session started at "
                    + TIME.format(start) + " " + OFFSET.format(start);
            case PASSWORD_RESET, PASSWORD_CHANGED, INVITATION, EMAIL_VERIFICATION -> throw new IllegalArgumentException(
                    "account email " + n.kind.code() + " has no booking view; see composeAccount");
        };
        return new EmailView(
                "en",
                subject,
                to.fullName(),
                other.fullName(),
                n.recipientRole == RecipientRole.HOST,
                n.isUpdate,
                DATE_TIME.format(start),
                // across a DST change the end has another offset than the start: say so
                end.getOffset().equals(start.getOffset()) ? TIME.format(end) : TIME.format(end) + " " + OFFSET.format(end),
                to.zone().getId(),
                ZONE_NAME.format(start),
                OFFSET.format(start),
                booking.durationMinutes,
                joinUrl,
                personalized,
                lead,
                manageUrl(booking, n.recipientRole),
                config.assetBaseUrl().orElse(config.appBaseUrl()),
                booking.bookingId,
                booking.clientJoinedAt == null ? null : TIME.format(booking.clientJoinedAt.atZone(to.zone())),
                n.kind.carriesCalendar(),
                n.recipientRole == RecipientRole.CLIENT ? changesUntil(booking, to.zone()) : null);
    }

    private String manageUrl(BookingRecord booking, RecipientRole role) {
        String joinLink = booking.joinLink(role);
        if (config.manageLink() == NotificationConfig.ManageLink.BOOKING_PAGE && joinLink != null) {
            return joinLink + "/booking";
        }
        return config.appBaseUrl() + "/bookings/" + booking.bookingId;
    }

    /**
     * Until when the client may still cancel or move the booking, in their zone, as the latest event said; null
     * when the event did not say (older events, a cancelled booking) or the time has passed.
     */
    private String changesUntil(BookingRecord booking, ZoneId zone) {
        Instant now = clock.instant();
        if (booking.cancellableUntil == null || !now.isBefore(booking.cancellableUntil)) {
            return null;
        }
        String cancel = "cancel it until " + DATE_TIME.format(booking.cancellableUntil.atZone(zone));
        String where = " (" + ZONE_NAME.format(booking.cancellableUntil.atZone(zone)) + ", " + zone.getId() + ")";
        if (booking.reschedulableUntil == null || !now.isBefore(booking.reschedulableUntil)) {
            return "It can no longer be moved; you can " + cancel + where + ".";
        }
        return "You can move this session until " + DATE_TIME.format(booking.reschedulableUntil.atZone(zone))
                + " and " + cancel + where + ".";
    }

    private IcsBuilder.Event calendarEvent(BookingRecord booking, BookingRecord.Participant to,
            BookingRecord.Participant other, String joinUrl) {
        BookingRecord.Participant host = to.role() == RecipientRole.HOST ? to : other;
        String description = joinUrl == null
                ? "This session has been cancelled."
                : "Join the video session on Jitsi Meet:\n" + joinUrl + "\n\nCancel or reschedule: "
                        + manageUrl(booking, to.role());
        return new IcsBuilder.Event(
                IcsBuilder.uidFor(booking.bookingId),
                booking.sequence,
                clock.instant(),
                booking.scheduledAt,
                booking.endsAt(),
                "Therapy session with " + other.fullName(),
                description,
                joinUrl == null ? null : "Jitsi Meet video session",
                joinUrl,
                new IcsBuilder.Person(host.fullName(), host.email()),
                new IcsBuilder.Person(to.fullName(), to.email()));
    }

    static String lead(Duration offset) {
        if (offset == null) {
            return "soon";
        }
        long minutes = offset.toMinutes();
        if (minutes % 1440 == 0 && minutes >= 1440) {
            long days = minutes / 1440;
            return days == 1 ? "in 24 hours" : "in " + days + " days";
        }
        if (minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours == 1 ? "in 1 hour" : "in " + hours + " hours";
        }
        return "in " + minutes + " minutes";
    }
}
