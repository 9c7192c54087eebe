package org.therapybooking.booking.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.booking.auth.CurrentUser;

/**
 * Erasure of a client's personal data by the person (docs/privacy.md "Erasure"). Its path is AuthResource's: the
 * methods of both classes are merged under {@code /api/auth}.
 */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private final ErasureService erasure;
    private final CurrentUser currentUser;

    ErasureResource(ErasureService erasure, CurrentUser currentUser) {
        this.erasure = erasure;
        this.currentUser = currentUser;
    }

    public record EraseRequest(@NotNull @Size(max = 64) String password) {
    }

    @DELETE
    @Path("/me")
    @RolesAllowed("user")
    public ErasureService.Erased eraseSelf(@Valid @NotNull EraseRequest body) {
        return erasure.eraseSelf(currentUser.id(), body.password());
    }
}
