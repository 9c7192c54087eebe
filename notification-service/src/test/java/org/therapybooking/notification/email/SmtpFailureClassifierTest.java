package org.therapybooking.notification.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.ext.mail.SMTPException;

/** Uses the exception type the Vert.x mail client (under the Quarkus mailer) reports negative replies with. */
class SmtpFailureClassifierTest {

    @Test
    void replyCode5xxIsPermanent() {
        SendFailure f = SmtpFailureClassifier.classify(new CompletionException(
                new SMTPException("sending failed", 550, List.of("550 5.1.1 mailbox unavailable"), false)));
        assertTrue(f.permanent());
        assertTrue(f.reason().startsWith("smtp 550"), f.reason());
    }

    @Test
    void replyCode4xxIsTransient() {
        SendFailure f = SmtpFailureClassifier.classify(
                new SMTPException("sending failed", 451, List.of("451 4.3.0 try again later"), false));
        assertFalse(f.permanent());
        assertEquals("smtp 451: 451 4.3.0 try again later", f.reason());
    }

    @Test
    void connectionRefusedIsTransient() {
        SendFailure f = SmtpFailureClassifier.classify(new RuntimeException(new ConnectException("Connection refused")));
        assertFalse(f.permanent());
        assertTrue(f.reason().startsWith("smtp connection"), f.reason());
    }

    @Test
    void replyToTheFinalDotIsADefiniteAnswerToo() {
        // a 4xx/5xx after DATA: the server answered, so it did not keep the message
        SendFailure f = SmtpFailureClassifier.classify(
                new SMTPException("sending data failed", 452, List.of("452 4.3.1 insufficient storage"), false));
        assertEquals(SendFailure.Kind.TRANSIENT, f.kind());
    }

    @Test
    void noConnectionIsASafeRetry() {
        assertEquals(SendFailure.Kind.TRANSIENT,
                SmtpFailureClassifier.classify(new RuntimeException(new UnknownHostException("smtp.invalid"))).kind());
    }

    @Test
    void mailerTimeoutIsAnUnknownOutcome() {
        // the blocking mailer's own wait (quarkus.mailer.timeout) ended; the send may still complete underneath
        SendFailure f = SmtpFailureClassifier.classify(new io.smallrye.mutiny.TimeoutException());
        assertEquals(SendFailure.Kind.AMBIGUOUS, f.kind());
        assertTrue(f.reason().startsWith("smtp outcome unknown"), f.reason());
    }

    @Test
    void connectionLostAfterItWasUpIsAnUnknownOutcome() {
        // what the Vert.x mail client reports when the socket closes mid-dialogue (before or after DATA)
        assertEquals(SendFailure.Kind.AMBIGUOUS,
                SmtpFailureClassifier.classify(new CompletionException(new IOException("socket was closed unexpected."))).kind());
        assertEquals(SendFailure.Kind.AMBIGUOUS,
                SmtpFailureClassifier.classify(new SocketException("Connection reset")).kind());
        assertEquals(SendFailure.Kind.AMBIGUOUS,
                SmtpFailureClassifier.classify(new SocketTimeoutException("Read timed out")).kind());
    }

    @Test
    void unknownTroubleIsAnUnknownOutcomeNeitherDroppedNorRetriedBlindly() {
        SendFailure f = SmtpFailureClassifier.classify(new IllegalStateException("Connection was closed."));
        assertEquals(SendFailure.Kind.AMBIGUOUS, f.kind());
    }
}
