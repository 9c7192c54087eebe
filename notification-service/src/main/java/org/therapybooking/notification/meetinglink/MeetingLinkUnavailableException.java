package org.therapybooking.notification.meetinglink;

/** meeting-link-service could not give a usable link right now (down, slow, circuit open, bad answer). */
public class MeetingLinkUnavailableException extends RuntimeException {
    public MeetingLinkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
