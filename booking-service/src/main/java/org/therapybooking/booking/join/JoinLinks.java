package org.therapybooking.booking.join;

import jakarta.enterprise.context.ApplicationScoped;

import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.join.JoinTokens.Claim;
import org.therapybooking.booking.join.JoinTokens.Role;

/**
 * A participant's join link to a booking, {@code <base>/j/<token>} (docs/meeting-links.md "Join links"): for API
 * answers and events. What opening one does is {@code joinpage}'s.
 */
@ApplicationScoped
public class JoinLinks {

    private final JoinTokens tokens;
    private final BookingConfig config;

    public JoinLinks(JoinTokens tokens, BookingConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    /** The link for the booking at this {@code sequence}; an admin joins as host, anyone else as client. */
    public String joinUrl(long bookingId, int sequence, long participantId, boolean asHost) {
        String base = config.joinLinks().baseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/j/"
                + tokens.seal(new Claim(bookingId, participantId, asHost ? Role.HOST : Role.CLIENT, sequence));
    }
}
