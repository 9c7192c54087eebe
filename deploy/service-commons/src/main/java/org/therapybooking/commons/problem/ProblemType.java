package org.therapybooking.commons.problem;

/**
 * Every kind of problem the three services answer with. The {@code type} member of a problem is
 * {@code urn:therapy-booking:problem:<slug>}: a stable name clients may switch on (docs/api.md lists them), not a
 * page to fetch.
 */
public enum ProblemType {
    VALIDATION(400, "validation", "Invalid request"),
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    PAYMENT_REQUIRED(402, "payment-required", "Payment required"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    GONE(410, "gone", "Gone"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    UNPROCESSABLE(422, "unprocessable", "Unprocessable content"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    INTERNAL(500, "internal", "Internal error"),
    BAD_GATEWAY(502, "bad-gateway", "Bad gateway"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    public static final String URN_PREFIX = "urn:therapy-booking:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return URN_PREFIX + slug;
    }

    public String title() {
        return title;
    }

    /** The type for an HTTP status the framework produced (404 of an unknown path, 405, 406, 415, ...). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_REQUEST) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
