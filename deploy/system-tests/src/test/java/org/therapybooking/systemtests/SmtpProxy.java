package org.therapybooking.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the SMTP sink that can misbehave like a real relay:
 * <ul>
 * <li>{@link Mode#PASS}: forwards both ways;</li>
 * <li>{@link Mode#FREEZE}: holds every connection open and forwards nothing in either direction. A message whose
 * final "." reached the server before the freeze is stored, but its 250 reply never reaches the client, which
 * times out: the ambiguous case of a real stalled relay;</li>
 * <li>{@link Mode#REFUSE}: closes the open connections and answers each new one with
 * {@code 421 4.3.2 Service not available, try later}.</li>
 * </ul>
 */
final class SmtpProxy implements AutoCloseable {
    enum Mode { PASS, FREEZE, REFUSE }

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile Mode mode = Mode.PASS;
    private volatile boolean closed;

    SmtpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "smtp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void mode(Mode next) {
        mode = next;
        if (next == Mode.REFUSE) {
            for (Socket s : open) {
                closeQuietly(s);
            }
        }
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (mode == Mode.REFUSE) {
                    refuse(client);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                open.add(client);
                open.add(upstream);
                pump(client, upstream, "c2s");
                pump(upstream, client, "s2c");
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private static void refuse(Socket client) {
        try (client) {
            client.getOutputStream().write("421 4.3.2 Service not available, try later\r\n".getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
        } catch (IOException ignored) {
            // the client went away first
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    awaitPass();
                    if (mode == Mode.REFUSE) {
                        break;
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
        }, "smtp-proxy-" + direction);
        t.setDaemon(true);
        t.start();
    }

    private void awaitPass() {
        synchronized (gate) {
            while (mode == Mode.FREEZE && !closed) {
                try {
                    gate.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        mode(Mode.PASS);
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
    }
}
