package org.therapybooking.booking.account;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.therapybooking.booking.auth.AuthResource;

import io.vertx.core.http.HttpServerRequest;

/** Password reset by e-mail (docs/api.md "Password reset"); the rules are in {@link PasswordResetService}. */
@Path("/api/auth/password-reset")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

    private final PasswordResetService passwordResets;
    private final HttpServerRequest request;

    PasswordResetResource(PasswordResetService passwordResets, HttpServerRequest request) {
        this.passwordResets = passwordResets;
        this.request = request;
    }

    public record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    public record PasswordResetConfirmation(@NotBlank @Size(max = 100) String token,
            @NotNull @Size(min = 8, max = 64, message = "must be between 8 and 64 characters") String password) {
    }

    /** A plain answer for the person: what happened and what to do next. */
    public record Message(String message) {
    }

    /**
     * Asks for a reset link by e-mail. The answer is the same whether or not an account has this address, so it
     * cannot be used to find out who is a client of the practice.
     */
    @POST
    @PermitAll
    public RestResponse<Message> request(@Valid @NotNull PasswordResetRequest body) {
        passwordResets.request(body.email(), AuthResource.clientAddress(request));
        return RestResponse.status(Response.Status.ACCEPTED, new Message("If an account has this e-mail address, "
                + "a link to choose a new password is on its way. It works once, for a limited time."));
    }

    /** Sets a new password with the link's token; every session opened before ends. */
    @POST
    @Path("/confirm")
    @PermitAll
    public Message confirm(@Valid @NotNull PasswordResetConfirmation body) {
        passwordResets.confirm(body.token(), body.password());
        return new Message("Your password has been changed. Please log in with the new password.");
    }
}
