package org.therapybooking.notification;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Placeholder consumer until the notification feature lands. */
@ApplicationScoped
public class BookingEventsConsumer {
    private static final Logger LOG = Logger.getLogger(BookingEventsConsumer.class);

    @Incoming("booking-events")
    public void onEvent(String payload) {
        LOG.debugf("booking event received (%d chars)", payload.length());
    }
}
