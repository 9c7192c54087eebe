package org.therapybooking.notification.email;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import io.vertx.ext.mail.SMTPException;

/**
 * Classifies a mailer exception. The Vert.x mail client reports a negative SMTP reply as {@link SMTPException}
 * with the reply code: 4xx is transient (try again later), 5xx permanent (this message will never be accepted).
 * Connection problems (refused, reset, timed out) are transient.
 */
public final class SmtpFailureClassifier {

    private SmtpFailureClassifier() {
    }

    public static SendFailure classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp) {
                String reason = "smtp " + smtp.getReplyCode() + ": " + oneLine(smtp.getReplyMessage());
                return smtp.getReplyCode() >= 500 && smtp.getReplyCode() < 600
                        ? SendFailure.permanentFailure(reason)
                        : SendFailure.transientFailure(reason);
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof ClosedChannelException || t instanceof TimeoutException) {
                return SendFailure.transientFailure("smtp connection: " + describe(t));
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return SendFailure.transientFailure("smtp i/o: " + describe(t));
            }
        }
        // unknown trouble (e.g. "connection was closed" reported as a plain exception): retried, bounded by max attempts
        return SendFailure.transientFailure("smtp: " + describe(error));
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + oneLine(t.getMessage()));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
