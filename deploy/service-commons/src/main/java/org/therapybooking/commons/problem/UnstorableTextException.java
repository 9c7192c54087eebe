package org.therapybooking.commons.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A text value in a request body that cannot be stored as sent (NUL, an unpaired surrogate); thrown while the body
 * is read, so Jackson adds the field's path. Answered as a validation problem with its message as the field's error.
 */
public class UnstorableTextException extends JsonMappingException {

    private static final long serialVersionUID = 1L;

    public UnstorableTextException(JsonParser parser, String message) {
        super(parser, message);
    }
}
