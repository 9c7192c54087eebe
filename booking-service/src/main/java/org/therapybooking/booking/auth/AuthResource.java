package org.therapybooking.booking.auth;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.therapybooking.booking.user.UserService;
import org.therapybooking.booking.user.UserView;
import org.therapybooking.commons.time.TimeZoneId;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.vertx.core.http.HttpServerRequest;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final UserService users;
    private final AuthService auth;
    private final JwtKeys keys;
    private final CurrentUser currentUser;
    private final HttpServerRequest request;

    public AuthResource(UserService users, AuthService auth, JwtKeys keys, CurrentUser currentUser,
            HttpServerRequest request) {
        this.users = users;
        this.auth = auth;
        this.keys = keys;
        this.currentUser = currentUser;
        this.request = request;
    }

    /**
     * Lenient international phone number: 6 to 15 digits (E.164's maximum), optionally a leading {@code +}, with
     * spaces, dots, hyphens and parentheses as the person writes them.
     */
    public static final String PHONE = "\\+?[ ().-]*(?:[0-9][ ().-]*){6,15}";

    /** The original API's register body, plus this project's optional {@code time_zone}. */
    public record RegisterRequest(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 32) @Pattern(regexp = PHONE, message = "must be a phone number of 6 to 15 digits, "
                    + "optionally with a leading + and spaces, dots, hyphens or parentheses, e.g. +49 30 1234567")
            String phone,
            @Size(max = 200) String location,
            @NotNull @Size(min = 8, max = 64, message = "must be between 8 and 64 characters") String password,
            @TimeZoneId String timeZone) {

        UserService.Registration toRegistration() {
            return new UserService.Registration(firstName, lastName, email, phone, location, password, timeZone);
        }
    }

    /** The new account (this project's answer until issue 11) and a session for it, as login answers. */
    public record RegisterResponse(@JsonUnwrapped UserView account, @JsonUnwrapped TokenService.TokenResponse session) {
    }

    public record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 64) String password) {
    }

    @POST
    @Path("/register")
    @PermitAll
    public RestResponse<RegisterResponse> register(@Valid @NotNull RegisterRequest body) {
        return RestResponse.status(Response.Status.CREATED, auth.register(body.toRegistration()));
    }

    @POST
    @Path("/login")
    @PermitAll
    public TokenService.TokenResponse login(@Valid @NotNull LoginRequest body) {
        return auth.login(body.email(), body.password(), clientAddress(request));
    }

    /** The remote address honours X-Forwarded-For only when proxy forwarding is enabled (trusted gateway). */
    public static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }


    @GET
    @Path("/me")
    @RolesAllowed("user")
    public UserView me() {
        return UserView.of(users.get(currentUser.id()));
    }

    @GET
    @Path("/jwks")
    @PermitAll
    public Map<String, Object> jwks() {
        return keys.jwks();
    }
}
