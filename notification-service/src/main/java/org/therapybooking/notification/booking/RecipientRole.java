package org.therapybooking.notification.booking;

import org.therapybooking.commons.persistence.Coded;

/** Who an email goes to: one of the session's two participants, or the account holder (account emails). */
public enum RecipientRole implements Coded {
    CLIENT, HOST, ACCOUNT;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends Coded.Converter<RecipientRole> {
    }
}
