package org.therapybooking.notification.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 7807 problem details. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }
}
