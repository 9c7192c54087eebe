package org.therapybooking.notification.email;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

/**
 * Sends one mail and classifies what went wrong; called from worker threads, which wait for the outcome.
 * <p>
 * The Vert.x mail client under the Quarkus mailer is not safe to call from several threads: when sends start on
 * worker threads (the dispatcher's) while the client's connections live on an event loop, a connection the server
 * drops mid-send is sometimes never reported and the send hangs until the timeout (seen as 15-60 s stalls in the
 * tests, see DroppedConnectionTest). So every send starts on one event-loop context of our own, and the worker
 * only waits: the client then only ever runs on that one thread.
 */
@ApplicationScoped
public class EmailSender {

    private final ReactiveMailer mailer;
    private final Context mailContext;
    private final Duration timeout;

    @Inject
    public EmailSender(ReactiveMailer mailer, Vertx vertx, @ConfigProperty(name = "quarkus.mailer.timeout") Duration timeout) {
        this.mailer = mailer;
        // a context of its own (not whichever one the constructing thread happens to carry)
        this.mailContext = vertx == null ? null : ((VertxInternal) vertx).createEventLoopContext();
        this.timeout = timeout;
    }

    /** @return empty when the SMTP server accepted the message */
    public Optional<SendFailure> send(Mail mail) {
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        mailContext.runOnContext(ignored -> mailer.send(mail).subscribe()
                .with(ok -> accepted.complete(null), accepted::completeExceptionally));
        try {
            accepted.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(SmtpFailureClassifier.classify(e.getCause()));
        } catch (TimeoutException e) {
            // the send may still complete underneath: an unknown outcome
            return Optional.of(SmtpFailureClassifier.classify(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(SmtpFailureClassifier.classify(e));
        }
    }
}
