package org.therapybooking.booking.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 7807 problem details. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail, String instance, List<FieldError> errors) {
        return new Problem("https://therapy-booking.example/problems/" + status, title, status, detail, instance,
                errors);
    }
}
