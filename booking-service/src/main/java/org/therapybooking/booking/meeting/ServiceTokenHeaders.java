package org.therapybooking.booking.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.therapybooking.booking.auth.ServiceTokens;
import org.therapybooking.meetinglink.api.MeetingLinkApi;

/** Every call to meeting-link-service carries booking-service's own service token for it (cached, renewed). */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {

    private final ServiceTokens tokens;

    public ServiceTokenHeaders(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        return tokens.authorizationFor(MeetingLinkApi.AUDIENCE);
    }
}
