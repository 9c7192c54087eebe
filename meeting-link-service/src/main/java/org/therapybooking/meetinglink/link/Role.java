package org.therapybooking.meetinglink.link;

import java.util.Locale;

/** Who the link is for. Only the host can be given real moderator rights, and only through a token. */
public enum Role {
    CLIENT, HOST, OBSERVER, PRESENTER;

    /** Matches the request pattern, which is checked first. */
    public static final String PATTERN = "client|host|observer|presenter";

    public static Role parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
