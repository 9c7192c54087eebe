package org.therapybooking.commons.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, path or header parameter that cannot be read (a bad date, an unknown zone). A
 * {@link BadRequestException}, so the framework passes it on from a parameter converter unchanged; answered as a
 * validation problem naming the parameter.
 */
public class InvalidParameterException extends BadRequestException {

    private final String field;
    private final String reason;

    public InvalidParameterException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
