package org.therapybooking.booking.account;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.therapybooking.booking.auth.ServiceTokens;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * notification-service's internal read of one person's data (docs/api.md "Internal APIs"), for the export. The
 * answer is passed on as it is: this service does not interpret another service's records.
 */
@RegisterRestClient(configKey = "notification-service")
@RegisterClientHeaders(NotificationServiceClient.TokenHeaders.class)
@Path("/internal/people")
public interface NotificationServiceClient {

    /** The audience of booking-service's service token for notification-service. */
    String AUDIENCE = "notification-service";

    @GET
    @Path("/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    JsonNode person(@PathParam("userId") long userId);

    /** booking-service's own service token for notification-service (cached, renewed). */
    @ApplicationScoped
    class TokenHeaders implements ClientHeadersFactory {
        private final ServiceTokens tokens;

        TokenHeaders(ServiceTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                MultivaluedMap<String, String> outgoing) {
            return tokens.authorizationFor(AUDIENCE);
        }
    }
}
