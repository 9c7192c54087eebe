package org.therapybooking.notification.email;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import io.vertx.ext.mail.SMTPException;

/**
 * Classifies a mailer exception by what it says about the message.
 * <ul>
 * <li>A negative SMTP reply ({@link SMTPException}, from the Vert.x mail client under the Quarkus mailer, at any
 * step up to the reply to the final "."): the server answered, so it did not take the message. 5xx is permanent,
 * 4xx transient.</li>
 * <li>No connection at all (refused, unknown host, no route): nothing was sent; transient.</li>
 * <li>Everything else is ambiguous: the blocking mailer's own timeout ({@code quarkus.mailer.timeout}, a Mutiny
 * {@code TimeoutException} thrown by the caller's wait while the send carries on underneath), the socket closed or
 * reset ("socket was closed unexpected.", "Connection was closed.") or anything unknown. The exception does not
 * say which SMTP step was reached (the client keeps no phase), and after the message data went out the server may
 * have stored it before the connection died, so none of these may be treated as "not delivered".</li>
 * </ul>
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
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return SendFailure.transientFailure("smtp connection: " + describe(t));
            }
        }
        return SendFailure.ambiguous("smtp outcome unknown: " + describe(innermost(error)));
    }

    private static Throwable innermost(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + oneLine(t.getMessage()));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
