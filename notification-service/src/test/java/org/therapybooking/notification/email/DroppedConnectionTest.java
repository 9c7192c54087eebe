package org.therapybooking.notification.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.GreenMailTestResource;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.SmtpCutProxy;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailerName;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;

/**
 * A connection the SMTP server drops right after taking the message must be reported as dropped, at once, to every
 * sender, also when several worker threads send at the same time. With the Vert.x mail client on several event
 * loops some of these drops were never reported, and the send hung until the mailer's timeout (the stalls once seen
 * in this module's tests): the reason then names a TimeoutException instead of the closed socket. The service runs
 * the client on one event loop (application.properties) for this.
 */
@QuarkusTest
class DroppedConnectionTest extends NotificationIT {

    private static final int SENDS = 24;

    @Inject
    @MailerName(SmtpCutProxy.MAILER)
    ReactiveMailer behindTheProxy;
    @Inject
    Vertx vertx;

    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopWorkers() {
        SmtpCutProxy.cutAfterData(false);
        workers.shutdownNow();
    }

    @Test
    void everyDroppedConnectionIsReportedAsDroppedNotAsATimeout() {
        EmailSender sender = new EmailSender(behindTheProxy, vertx, SmtpCutProxy.TIMEOUT);
        SmtpCutProxy.cutAfterData(true);

        List<CompletableFuture<Optional<SendFailure>>> sends = IntStream.range(0, SENDS)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> sender.send(Mail.withText("dropped." + i + "@example.org", "Dropped " + i, "Message " + i)), workers))
                .toList();
        List<SendFailure> failures = sends.stream().map(CompletableFuture::join)
                .map(outcome -> outcome.orElseThrow(() -> new AssertionError("a cut send reported success")))
                .toList();

        assertEquals(SENDS, GreenMailTestResource.greenMail().getReceivedMessages().length, "the server took every message");
        for (SendFailure failure : failures) {
            assertEquals(SendFailure.Kind.AMBIGUOUS, failure.kind(), failure.reason());
            assertTrue(failure.reason().contains("socket was closed"), "reported as the dropped connection: " + failure.reason());
        }
    }
}
