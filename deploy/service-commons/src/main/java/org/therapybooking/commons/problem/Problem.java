package org.therapybooking.commons.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 7807 problem details, the one error body of all three services: {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance} (the request path) and, for field problems, {@code errors}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, errors);
    }
}
