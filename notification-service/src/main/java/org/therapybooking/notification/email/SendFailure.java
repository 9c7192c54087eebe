package org.therapybooking.notification.email;

/** Why a send did not go through, and what that says about the message. */
public record SendFailure(Kind kind, String reason) {

    public enum Kind {
        /** A definite "not taken" (4xx reply, connection refused): nothing was delivered, trying again is safe. */
        TRANSIENT,
        /** A definite "never" (5xx reply): this message will not be accepted. */
        PERMANENT,
        /**
         * No answer after the connection was up (timeout, connection lost): the server may already have taken the
         * message, so another send may be a duplicate.
         */
        AMBIGUOUS
    }

    public static SendFailure transientFailure(String reason) {
        return new SendFailure(Kind.TRANSIENT, reason);
    }

    public static SendFailure permanentFailure(String reason) {
        return new SendFailure(Kind.PERMANENT, reason);
    }

    public static SendFailure ambiguous(String reason) {
        return new SendFailure(Kind.AMBIGUOUS, reason);
    }

    public boolean permanent() {
        return kind == Kind.PERMANENT;
    }
}
