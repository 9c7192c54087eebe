package org.therapybooking.booking.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.therapybooking.commons.problem.Problem;
import org.therapybooking.commons.problem.ProblemMappers;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The token endpoint of internal callers (OAuth 2.0 client credentials, RFC 6749 §4.4), under {@code /internal}:
 * no gateway route leads there (deploy/kubernetes), only the pods booking-service's NetworkPolicy admits reach it.
 */
@Path("/internal/oauth/token")
public class ServiceTokenResource {

    private final ClientCredentialsGrant grant;

    public ServiceTokenResource(ClientCredentialsGrant grant) {
        this.grant = grant;
    }

    /** RFC 6749 §5.1's answer. */
    public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    /** A problem with RFC 6749's {@code error} code beside its members. */
    public record OAuthProblem(@JsonUnwrapped Problem problem, String error) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Service token for an internal caller (client credentials, HTTP Basic client authentication)")
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("grant_type") String grantType, @FormParam("audience") String audience) {
        ServiceTokens.Issued issued = grant.grant(authorization, grantType, audience);
        // tokens are credentials: no cache may keep the answer (RFC 6749 §5.1)
        return Response.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresIn()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }

    @ServerExceptionMapper
    public Response oauthError(OAuthError e, UriInfo uri) {
        Response problem = ProblemMappers.builder(e.type(), e.getMessage(), uri, e.errors(), null).build();
        Response.ResponseBuilder answer = Response.fromResponse(problem)
                .entity(new OAuthProblem((Problem) problem.getEntity(), e.error()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if ("invalid_client".equals(e.error())) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"internal\"");
        }
        return answer.build();
    }
}
