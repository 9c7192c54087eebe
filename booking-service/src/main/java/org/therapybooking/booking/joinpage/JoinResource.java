package org.therapybooking.booking.joinpage;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code GET /j/{token}}: the participant's join link, opened in a browser (public: the token is the credential).
 * Nothing here is cached or forwarded as a referrer, since the URL itself grants entry.
 */
@Path("/j")
@PermitAll
public class JoinResource {

    private final JoinService joins;
    private final Template page;
    private final HttpServerRequest request;

    public JoinResource(JoinService joins, @Location("join-page.html") Template page, HttpServerRequest request) {
        this.joins = joins;
        this.page = page;
        this.request = request;
    }

    @GET
    @Path("/{token}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Open a join link: 302 to the meeting, or a page saying why not (too early, ended, "
            + "cancelled, moved, payment needed, unknown)")
    @APIResponse(responseCode = "302", description = "To the participant's personal meeting URL")
    @APIResponse(responseCode = "402", description = "Payment needed (where configured)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "403", description = "Too early: names the start, reloads itself when the link opens",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "Unknown: malformed, forged, or its participant no longer matches",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "429", description = "Too many links that did not open from this address; Retry-After",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "410", description = "Ended, cancelled or moved (a new link was sent)",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "503", description = "meeting-link-service unavailable; Retry-After",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response open(@PathParam("token") String token) {
        JoinOutcome outcome = joins.open(token, clientAddress());
        Response.ResponseBuilder answer = outcome.redirectTo()
                .map(url -> Response.status(Response.Status.FOUND).location(URI.create(url)))
                .orElseGet(() -> pageAnswer(outcome.page()));
        return privately(answer);
    }

    @GET
    @Path("/{token}/booking")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The participant's booking page: the booking as it stands (time in their zone, status, "
            + "payment, until when the client may cancel or move it) and the join link while it can open")
    @APIResponse(responseCode = "200", description = "The booking page",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "Unknown: malformed, forged, or its participant no longer matches",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "429", description = "Too many links that did not open from this address; Retry-After",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response bookingPage(@PathParam("token") String token) {
        return privately(pageAnswer(joins.bookingPage(token, clientAddress())));
    }

    /** The URL itself grants entry: never cached, indexed or sent on as a referrer. */
    private static Response privately(Response.ResponseBuilder answer) {
        return answer.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex").build();
    }

    private String clientAddress() {
        // the remote address honours X-Forwarded-For only when proxy forwarding is enabled (trusted gateway)
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private Response.ResponseBuilder pageAnswer(JoinPage shown) {
        Response.ResponseBuilder answer = Response.status(shown.status())
                .type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .entity(page.data("page", shown).render());
        if (shown.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, shown.retryAfterSeconds());
        }
        return answer;
    }
}
