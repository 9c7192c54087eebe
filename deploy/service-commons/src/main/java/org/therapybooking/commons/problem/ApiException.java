package org.therapybooking.commons.problem;

import java.util.List;

/** A domain error: what went wrong, in the terms of {@link ProblemType}. {@link ProblemMappers} answers it. */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final transient List<FieldError> errors;
    private final Long retryAfterSeconds;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of(), null);
    }

    public ApiException(ProblemType type, String detail, List<FieldError> errors, Long retryAfterSeconds) {
        // no stack trace: these are expected outcomes, thrown often (validation, 404, 409)
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException notFound(String what) {
        return new ApiException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(ProblemType.VALIDATION, "The request has invalid fields.", errors, null);
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(ProblemType.TOO_MANY_REQUESTS, detail, List.of(), retryAfterSeconds);
    }

    public static ApiException unavailable(String detail, long retryAfterSeconds) {
        return new ApiException(ProblemType.UNAVAILABLE, detail, List.of(), retryAfterSeconds);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
