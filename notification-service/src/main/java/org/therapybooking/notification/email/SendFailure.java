package org.therapybooking.notification.email;

/** Why a send did not go through, and whether trying again can help. */
public record SendFailure(boolean permanent, String reason) {

    public static SendFailure transientFailure(String reason) {
        return new SendFailure(false, reason);
    }

    public static SendFailure permanentFailure(String reason) {
        return new SendFailure(true, reason);
    }
}
