package org.therapybooking.localstack;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) on a free loopback port; the Quarkus mailer sends to it for real
 * ({@code quarkus.mailer.mock=false}). Tests read what arrived, and can take the server down and up again.
 */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;
    private static int port;

    @Override
    public Map<String, String> start() {
        synchronized (GreenMailTestResource.class) {
            if (greenMail == null) {
                port = FreePorts.next();
                startSmtp();
            }
            return Map.of(
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(port),
                    "quarkus.mailer.mock", "false",
                    "quarkus.mailer.start-tls", "DISABLED",
                    "quarkus.mailer.tls", "false");
        }
    }

    @Override
    public void stop() {
        // shared by every application start in this JVM
    }

    public static synchronized GreenMail greenMail() {
        return greenMail;
    }

    /** Simulates an SMTP outage: connections are refused until {@link #startSmtp()}. */
    public static synchronized void stopSmtp() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public static synchronized void startSmtp() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }
}
