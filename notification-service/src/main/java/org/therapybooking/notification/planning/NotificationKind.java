package org.therapybooking.notification.planning;

import org.therapybooking.notification.common.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which email a notification row sends. */
public enum NotificationKind implements Coded {
    MEETING_INFO("meeting_info"), REMINDER("reminder"), CANCELLATION("cancellation");

    private final String code;

    NotificationKind(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends Coded.Converter<NotificationKind> {
        public DbConverter() {
            super(NotificationKind.class);
        }
    }
}
