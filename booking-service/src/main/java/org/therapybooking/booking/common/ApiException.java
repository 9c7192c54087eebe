package org.therapybooking.booking.common;

import java.util.List;

/** A domain error with its HTTP status; the single mapper turns it into problem+json. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Long retryAfterSeconds;

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, List.of(), null);
    }

    public ApiException(int status, String title, String detail, List<Problem.FieldError> errors,
            Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "Not Found", what + " not found");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "Bad Request", "The request is invalid",
                List.of(new Problem.FieldError(field, message)), null);
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(429, "Too Many Requests", detail, List.of(), retryAfterSeconds);
    }

    public static ApiException unavailable(String detail, long retryAfterSeconds) {
        return new ApiException(503, "Service Unavailable", detail, List.of(), retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
