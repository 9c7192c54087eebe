package org.therapybooking.notification.email;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** Sends one mail with the blocking mailer (called from worker threads) and classifies what went wrong. */
@ApplicationScoped
public class EmailSender {

    private final Mailer mailer;

    public EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    /** @return empty when the SMTP server accepted the message */
    public Optional<SendFailure> send(Mail mail) {
        try {
            mailer.send(mail);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(SmtpFailureClassifier.classify(e));
        }
    }
}
