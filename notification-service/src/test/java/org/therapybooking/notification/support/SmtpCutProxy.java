package org.therapybooking.notification.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.therapybooking.localstack.GreenMailTestResource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A TCP proxy in front of the test SMTP server (GreenMail) that, while {@link #cutAfterData(boolean) cutting}, lets
 * the whole message through, including the final ".", and then drops the connection instead of passing on the
 * server's reply: the server has stored the message, the client sees the connection die. The unknown SMTP outcome,
 * made on purpose. Reached through its own mailer, {@code @MailerName("cut")}; the application's default mailer
 * talks to GreenMail directly.
 */
public final class SmtpCutProxy implements QuarkusTestResourceLifecycleManager {
    public static final String MAILER = "cut";
    private static final byte[] END_OF_DATA = { '\r', '\n', '.', '\r', '\n' };

    private static ServerSocket server;
    private static final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private static volatile boolean cutting;

    @Override
    public Map<String, String> start() {
        synchronized (SmtpCutProxy.class) {
            if (server == null) {
                try {
                    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                Thread acceptor = new Thread(SmtpCutProxy::acceptLoop, "smtp-cut-proxy-accept");
                acceptor.setDaemon(true);
                acceptor.start();
            }
            String prefix = "quarkus.mailer." + MAILER + ".";
            return Map.of(
                    prefix + "host", "127.0.0.1",
                    prefix + "port", Integer.toString(server.getLocalPort()),
                    prefix + "mock", "false",
                    prefix + "start-tls", "DISABLED",
                    prefix + "tls", "false",
                    prefix + "from", "Therapy Practice <no-reply@practice.example>");
        }
    }

    @Override
    public void stop() {
        // shared by every application start in this JVM
    }

    public static void cutAfterData(boolean on) {
        cutting = on;
    }

    private static void acceptLoop() {
        while (true) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        GreenMailTestResource.greenMail().getSmtp().getPort()), 2000);
                open.add(client);
                open.add(upstream);
                AtomicBoolean dataEnded = new AtomicBoolean();
                pump(client, upstream, dataEnded, true);
                pump(upstream, client, dataEnded, false);
            } catch (IOException | RuntimeException e) {
                // that connection fails; the next one is served
            }
        }
    }

    /** Client to server: notes the end of the message data. Server to client: drops the reply that follows it. */
    private static void pump(Socket from, Socket to, AtomicBoolean dataEnded, boolean clientToServer) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            byte[] tail = new byte[END_OF_DATA.length];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    if (clientToServer) {
                        if (endsData(tail, buffer, n)) {
                            dataEnded.set(cutting);
                        }
                    } else if (dataEnded.get()) {
                        return; // the server took the message; its reply never reaches the client
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // either side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "smtp-cut-proxy-" + (clientToServer ? "c2s" : "s2c"));
        t.setDaemon(true);
        t.start();
    }

    /** Whether the stream seen so far (its last bytes kept in {@code tail}) now ends with CRLF "." CRLF. */
    private static boolean endsData(byte[] tail, byte[] chunk, int length) {
        byte[] joined = new byte[tail.length + length];
        System.arraycopy(tail, 0, joined, 0, tail.length);
        System.arraycopy(chunk, 0, joined, tail.length, length);
        System.arraycopy(joined, joined.length - tail.length, tail, 0, tail.length);
        for (int i = 0; i < END_OF_DATA.length; i++) {
            if (tail[i] != END_OF_DATA[i]) {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
