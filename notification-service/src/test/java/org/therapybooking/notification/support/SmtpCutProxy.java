package org.therapybooking.notification.support;

import java.time.Duration;
import java.util.Map;

import org.therapybooking.localstack.GreenMailTestResource;
import org.therapybooking.localstack.SmtpFaultProxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The {@link SmtpFaultProxy} in front of the test SMTP server (GreenMail), reached through its own mailer,
 * {@code @MailerName("cut")}; the application's default mailer talks to GreenMail directly. While
 * {@link #cutAfterData(boolean) cutting}, the server stores the message and the client sees the connection die:
 * the unknown SMTP outcome, made on purpose.
 */
public final class SmtpCutProxy implements QuarkusTestResourceLifecycleManager {
    public static final String MAILER = "cut";
    /** How long a send through the proxy waits for the server; a drop the client fails to report shows up as this. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static SmtpFaultProxy proxy;

    @Override
    public Map<String, String> start() {
        synchronized (SmtpCutProxy.class) {
            if (proxy == null) {
                proxy = new SmtpFaultProxy(() -> GreenMailTestResource.greenMail().getSmtp().getPort());
            }
            String prefix = "quarkus.mailer." + MAILER + ".";
            return Map.of(
                    prefix + "host", "127.0.0.1",
                    prefix + "port", Integer.toString(proxy.port()),
                    prefix + "mock", "false",
                    prefix + "start-tls", "DISABLED",
                    prefix + "tls", "false",
                    // every cut closes its connection: a fresh one per send, never a pooled one the proxy cut
                    prefix + "keep-alive", "false",
                    prefix + "timeout", TIMEOUT.toSeconds() + "s",
                    prefix + "from", "Therapy Practice <no-reply@practice.example>");
        }
    }

    @Override
    public void stop() {
        // shared by every application start in this JVM
    }

    public static void cutAfterData(boolean on) {
        proxy.mode(on ? SmtpFaultProxy.Mode.CUT : SmtpFaultProxy.Mode.PASS);
    }
}
