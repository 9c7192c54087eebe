package org.therapybooking.commons.problem;

/** One entry of a problem's {@code errors}: the JSON path of the field in snake_case ({@code participant.first_name}, {@code requests[2].room}) or the query parameter's name, and what is wrong with it. */
public record FieldError(String field, String message) {
}
