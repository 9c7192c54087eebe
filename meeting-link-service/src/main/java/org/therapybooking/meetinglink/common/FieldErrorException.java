package org.therapybooking.meetinglink.common;

import java.util.List;

/** A request that breaks a field rule (MeetingLinkRequestValidator) or a configured rule (e.g. a room on a foreign host). */
public class FieldErrorException extends RuntimeException {

    private final transient List<FieldError> errors;

    public FieldErrorException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public FieldErrorException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).field() + " " + errors.get(0).message(), null,
                false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
