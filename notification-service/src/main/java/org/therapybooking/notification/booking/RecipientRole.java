package org.therapybooking.notification.booking;

import org.therapybooking.commons.persistence.Coded;

/** Who of the session's two participants an email goes to. */
public enum RecipientRole implements Coded {
    CLIENT, HOST;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends Coded.Converter<RecipientRole> {
    }
}
