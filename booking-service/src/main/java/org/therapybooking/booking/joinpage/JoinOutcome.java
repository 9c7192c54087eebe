package org.therapybooking.booking.joinpage;

import java.util.Optional;

/** Opening a join link either sends the browser to the meeting or shows a page that says why not. */
public record JoinOutcome(Optional<String> redirectTo, JoinPage page) {

    static JoinOutcome redirect(String meetingUrl) {
        return new JoinOutcome(Optional.of(meetingUrl), null);
    }

    static JoinOutcome page(JoinPage page) {
        return new JoinOutcome(Optional.empty(), page);
    }
}
