package org.therapybooking.meetinglink.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 7807 problem details; {@code errors} only for validation problems. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String VALIDATION = "urn:therapy-booking:problem:validation";
    public static final String MALFORMED = "urn:therapy-booking:problem:malformed-request";
    public static final String TOO_LARGE = "urn:therapy-booking:problem:payload-too-large";
    public static final String INTERNAL = "urn:therapy-booking:problem:internal";

    public static Problem validation(List<FieldError> errors) {
        return new Problem(VALIDATION, "Invalid request", 400, "The request has invalid fields.", errors);
    }
}
