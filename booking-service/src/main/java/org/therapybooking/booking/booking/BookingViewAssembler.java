package org.therapybooking.booking.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.booking.booking.BookingViews.AdminBookingPage;
import org.therapybooking.booking.booking.BookingViews.AdminBookingView;
import org.therapybooking.booking.booking.BookingViews.BookingList;
import org.therapybooking.booking.booking.BookingViews.BookingView;
import org.therapybooking.booking.booking.BookingViews.LinkFacts;
import org.therapybooking.booking.booking.BookingViews.MeetingLinkView;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.join.JoinLinks;
import org.therapybooking.booking.meeting.MeetingLinkGateway;
import org.therapybooking.booking.user.ClientDirectory;
import org.therapybooking.booking.user.ClientView;
import org.therapybooking.booking.user.User;
import org.therapybooking.booking.user.UserService;
import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;

/**
 * Turns the caller's bookings into the API's views with the caller's personalized links: an admin joins as host,
 * anyone else as client. Links come from meeting-link-service, one batch call per answer, outside any database
 * transaction; when it cannot answer, lists carry {@code null} links and {@code meeting_links_status: unavailable}.
 */
@RequestScoped
public class BookingViewAssembler {

    public static final String ROLE_CLIENT = "client";
    public static final String ROLE_HOST = "host";

    private final MeetingLinkGateway gateway;
    private final UserService users;
    private final CurrentUser caller;
    private final BookingConfig config;
    private final ClientDirectory clients;
    private final JoinLinks joins;

    public BookingViewAssembler(MeetingLinkGateway gateway, UserService users, CurrentUser caller,
            BookingConfig config, ClientDirectory clients, JoinLinks joins) {
        this.joins = joins;
        this.gateway = gateway;
        this.users = users;
        this.caller = caller;
        this.config = config;
        this.clients = clients;
    }

    /** One booking; an admin's answer also says whom it is with. */
    public BookingView view(BookingDetails booking) {
        Links links = links(List.of(booking));
        if (!caller.isAdmin()) {
            return new BookingView(booking, links.url(0), joinUrl(booking), links.facts(0), links.status());
        }
        ClientView client = clientsOf(List.of(booking)).get(booking.userId());
        return new BookingView(booking, links.url(0), joinUrl(booking), links.facts(0), links.status(),
                client == null ? null : client.name(), client);
    }

    public BookingList list(List<BookingDetails> bookings) {
        Links links = links(bookings);
        List<BookingView> views = new ArrayList<>(bookings.size());
        for (int i = 0; i < bookings.size(); i++) {
            views.add(new BookingView(bookings.get(i), links.url(i), joinUrl(bookings.get(i)), links.facts(i), null));
        }
        return new BookingList(views, links.status());
    }

    public AdminBookingView adminView(BookingDetails booking) {
        Links links = links(List.of(booking));
        return new AdminBookingView(booking, links.url(0), joinUrl(booking), links.facts(0),
                clientsOf(List.of(booking)).get(booking.userId()));
    }

    public AdminBookingPage adminPage(BookingService.Page page) {
        Links links = links(page.bookings());
        Map<Long, ClientView> clientsById = clientsOf(page.bookings());
        List<AdminBookingView> views = new ArrayList<>(page.bookings().size());
        for (int i = 0; i < page.bookings().size(); i++) {
            BookingDetails booking = page.bookings().get(i);
            views.add(new AdminBookingView(booking, links.url(i), joinUrl(booking), links.facts(i),
                    clientsById.get(booking.userId())));
        }
        return new AdminBookingPage(views, page.total(), page.limit(), page.offset(), links.status());
    }

    /** The caller's link to one booking; 503 (with Retry-After) when meeting-link-service cannot answer. */
    public MeetingLinkView meetingLink(BookingDetails booking) {
        MeetingLinkResponse link = gateway.links(List.of(request(booking, users.get(caller.id()))))
                .map(answers -> answers.get(0))
                .orElseThrow(() -> ApiException.unavailable("Meeting links are temporarily unavailable; retry shortly",
                        config.meetingLinks().retryAfter().toSeconds()));
        return new MeetingLinkView(booking.id(), link.meetingUrl(), link.displayName(), caller.isAdmin(),
                booking.scheduledAt(), booking.duration(), booking.status(), booking.endsAt(),
                link.moderatorGuaranteed(), link.expiresAt(), joinUrl(booking));
    }

    /** The caller's join link: always there, since it does not depend on meeting-link-service. */
    private String joinUrl(BookingDetails booking) {
        return joins.joinUrl(booking.id(), booking.sequence(), caller.id(), caller.isAdmin());
    }

    /** The clients of the bookings, in one query for the whole page. */
    private Map<Long, ClientView> clientsOf(List<BookingDetails> bookings) {
        return clients.byIds(bookings.stream().map(BookingDetails::userId).toList());
    }

    /** The links of the bookings, in their order; none when meeting-link-service cannot answer. */
    private record Links(Optional<List<MeetingLinkResponse>> answers) {

        String url(int index) {
            return answers.map(links -> links.get(index).meetingUrl()).orElse(null);
        }

        LinkFacts facts(int index) {
            return answers.map(links -> new LinkFacts(links.get(index).moderatorGuaranteed(),
                    links.get(index).expiresAt())).orElse(LinkFacts.UNKNOWN);
        }

        String status() {
            return answers.isPresent() ? BookingViews.LINKS_AVAILABLE : BookingViews.LINKS_UNAVAILABLE;
        }
    }

    private Links links(List<BookingDetails> bookings) {
        User me = users.get(caller.id());
        return new Links(gateway.links(bookings.stream().map(b -> request(b, me)).toList()));
    }

    private MeetingLinkRequest request(BookingDetails booking, User participant) {
        return new MeetingLinkRequest(booking.jitsiRoomId(),
                MeetingLinkRequest.Participant.named(String.valueOf(participant.id), participant.firstName,
                        participant.lastName),
                caller.isAdmin() ? ROLE_HOST : ROLE_CLIENT,
                new MeetingLinkRequest.Session(booking.scheduledAt(), booking.duration()));
    }
}
