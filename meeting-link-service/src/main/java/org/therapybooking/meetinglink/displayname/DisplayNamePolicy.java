package org.therapybooking.meetinglink.displayname;

import java.util.Locale;

/** How a participant's name is shown to the others when they did not choose a display name themselves. */
public enum DisplayNamePolicy {
    /** "Zoë O'Brien" */
    FULL_NAME,
    /** "Zoë O." */
    FIRST_NAME_LAST_INITIAL,
    /** "Zoë" */
    FIRST_NAME;

    /** Accepts {@code full_name}, {@code FULL_NAME}, {@code full-name}. */
    public static DisplayNamePolicy parse(String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (DisplayNamePolicy policy : values()) {
            if (policy.name().equals(normalized)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("meeting-links.display-name.policy (DISPLAY_NAME_POLICY) must be one of "
                + "full_name, first_name_last_initial, first_name; got: " + value);
    }
}
