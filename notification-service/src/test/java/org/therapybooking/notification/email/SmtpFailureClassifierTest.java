package org.therapybooking.notification.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
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
    void unknownTroubleIsRetriedNotDropped() {
        assertFalse(SmtpFailureClassifier.classify(new IllegalStateException("Connection was closed")).permanent());
    }
}
