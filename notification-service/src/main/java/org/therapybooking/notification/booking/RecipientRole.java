package org.therapybooking.notification.booking;

import org.therapybooking.notification.common.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who of the session's two participants an email goes to. */
public enum RecipientRole implements Coded {
    CLIENT("client"), HOST("host");

    private final String code;

    RecipientRole(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends Coded.Converter<RecipientRole> {
        public DbConverter() {
            super(RecipientRole.class);
        }
    }
}
