package org.therapybooking.booking.account;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.therapybooking.booking.auth.AuthResource;
import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.booking.user.UserService;
import org.therapybooking.booking.user.UserView;
import org.therapybooking.commons.time.TimeZoneId;

/**
 * The caller's own profile and address (docs/api.md "Accounts and tokens"); merged with AuthResource under
 * {@code /api/auth}.
 */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProfileResource {

    static final String NOT_BLANK = "(?s).*\\S.*";

    private final UserService users;
    private final EmailVerificationService verification;
    private final CurrentUser currentUser;

    ProfileResource(UserService users, EmailVerificationService verification, CurrentUser currentUser) {
        this.users = users;
        this.verification = verification;
        this.currentUser = currentUser;
    }

    /**
     * A partial change of the caller's own profile: an absent (or null) field stays as it is; {@code ""} clears the
     * optional {@code phone} and {@code location}. A new {@code email} takes effect once the link sent to it is used.
     */
    public record ProfileUpdate(
            @Size(min = 1, max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String firstName,
            @Size(min = 1, max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String lastName,
            @Size(max = 32) @Pattern(regexp = "(?:" + AuthResource.PHONE + ")?", message = "must be a phone number of "
                    + "6 to 15 digits, optionally with a leading + and spaces, dots, hyphens or parentheses, or \"\" "
                    + "to remove it") String phone,
            @Size(max = 200) String location,
            @TimeZoneId String timeZone,
            @Email @Size(max = 254) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String email) {
    }

    public record TokenBody(@NotBlank @Size(max = 100) String token) {
    }

    public record Message(String message) {
    }

    public record Verified(String message, String email) {
    }

    /** Changes the caller's own name, phone, location or zone (future emails use them) and asks for a new address. */
    @PATCH
    @Path("/me")
    @RolesAllowed("user")
    public UserView updateMe(@Valid @NotNull ProfileUpdate body) {
        if (body.email() != null) {
            verification.requestChange(currentUser.id(), body.email());
        }
        return UserView.of(users.updateProfile(currentUser.id(), new UserService.ProfileChange(body.firstName(),
                body.lastName(), body.phone(), body.location(), body.timeZone())));
    }

    /** Sends (again) the link that verifies the caller's current address; 202 either way. */
    @POST
    @Path("/email-verification")
    @RolesAllowed("user")
    public RestResponse<Message> requestVerification() {
        boolean sent = verification.requestForCurrentAddress(currentUser.id());
        return RestResponse.status(Response.Status.ACCEPTED, new Message(sent
                ? "A link to confirm your e-mail address is on its way."
                : "Your e-mail address is already confirmed."));
    }

    /** Uses a verification link: the address it was sent to is confirmed (and becomes the account's). */
    @POST
    @Path("/email-verification/confirm")
    @PermitAll
    public Verified confirm(@Valid @NotNull TokenBody body) {
        return new Verified("Your e-mail address is confirmed.", verification.confirm(body.token()));
    }
}
