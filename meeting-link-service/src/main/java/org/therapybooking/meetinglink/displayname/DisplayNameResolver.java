package org.therapybooking.meetinglink.displayname;

import java.text.BreakIterator;
import java.util.Locale;

import jakarta.inject.Singleton;

import org.therapybooking.meetinglink.config.MeetingLinkConfig;
import org.therapybooking.meetinglink.link.Role;

/**
 * The name other participants see: the participant's own display name if given, else the configured policy
 * applied to first/last name, else (only if allowed) the e-mail address, else the role's fallback.
 */
@Singleton
public class DisplayNameResolver {

    private final DisplayNamePolicy policy;
    private final int maxLength;
    private final boolean allowEmail;
    private final MeetingLinkConfig.DisplayName.Fallback fallback;

    public DisplayNameResolver(MeetingLinkConfig config) {
        MeetingLinkConfig.DisplayName dn = config.displayName();
        this.policy = DisplayNamePolicy.parse(dn.policy());
        if (dn.maxLength() < 1) {
            throw new IllegalArgumentException("meeting-links.display-name.max-length must be at least 1");
        }
        this.maxLength = dn.maxLength();
        this.allowEmail = dn.allowEmailFallback();
        this.fallback = dn.fallback();
    }

    public String resolve(String displayName, String firstName, String lastName, String email, Role role) {
        String custom = NameSanitizer.clean(displayName, maxLength);
        if (!custom.isEmpty()) {
            return custom;
        }
        String first = NameSanitizer.clean(firstName, Integer.MAX_VALUE);
        String last = NameSanitizer.clean(lastName, Integer.MAX_VALUE);
        String byPolicy = switch (policy) {
            case FULL_NAME -> (first + " " + last).strip();
            case FIRST_NAME_LAST_INITIAL -> first.isEmpty() ? "" : last.isEmpty() ? first : first + " " + initial(last) + ".";
            case FIRST_NAME -> first;
        };
        byPolicy = NameSanitizer.truncate(byPolicy, maxLength);
        if (!byPolicy.isEmpty()) {
            return byPolicy;
        }
        if (allowEmail) {
            String mail = NameSanitizer.clean(email, maxLength);
            if (!mail.isEmpty()) {
                return mail;
            }
        }
        return NameSanitizer.clean(fallbackFor(role), maxLength);
    }

    private String fallbackFor(Role role) {
        return switch (role) {
            case CLIENT -> fallback.client();
            case HOST -> fallback.host();
            case OBSERVER -> fallback.observer();
            case PRESENTER -> fallback.presenter();
        };
    }

    /** The first user-perceived character of the last name, upper-cased ("o'brien" → "O", "Ōtsuka" → "Ō"). */
    static String initial(String last) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(last);
        int end = it.next();
        String first = last.substring(0, end == BreakIterator.DONE ? last.length() : end);
        return first.toUpperCase(Locale.ROOT);
    }
}
