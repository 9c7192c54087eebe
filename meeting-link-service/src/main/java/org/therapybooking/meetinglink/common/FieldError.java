package org.therapybooking.meetinglink.common;

/** One entry of the {@code errors} array of a validation problem. */
public record FieldError(String field, String message) {
}
