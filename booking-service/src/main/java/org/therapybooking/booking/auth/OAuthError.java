package org.therapybooking.booking.auth;

import java.util.List;

import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.FieldError;
import org.therapybooking.commons.problem.ProblemType;

/**
 * An error of the token endpoint: a problem like every other, plus the RFC 6749 §5.2 error code ({@code error}),
 * which OAuth clients read. {@link ServiceTokenResource} answers it.
 */
public class OAuthError extends ApiException {

    private final String error;

    private OAuthError(ProblemType type, String error, String detail, List<FieldError> errors) {
        super(type, detail, errors, null);
        this.error = error;
    }

    public String error() {
        return error;
    }

    static OAuthError invalidClient(String detail) {
        return new OAuthError(ProblemType.UNAUTHORIZED, "invalid_client", detail, List.of());
    }

    static OAuthError invalidRequest(String field, String message) {
        return new OAuthError(ProblemType.VALIDATION, "invalid_request", "The request has invalid fields.",
                List.of(new FieldError(field, message)));
    }

    static OAuthError unsupportedGrantType(String message) {
        return new OAuthError(ProblemType.VALIDATION, "unsupported_grant_type", "The request has invalid fields.",
                List.of(new FieldError("grant_type", message)));
    }

    /** RFC 8707's code for a resource (here: audience) the client may not have a token for. */
    static OAuthError invalidTarget(String message) {
        return new OAuthError(ProblemType.VALIDATION, "invalid_target", "The request has invalid fields.",
                List.of(new FieldError("audience", message)));
    }
}
