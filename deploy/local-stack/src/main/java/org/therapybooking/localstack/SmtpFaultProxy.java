package org.therapybooking.localstack;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * A TCP proxy in front of an SMTP server (GreenMail in the tests) that can misbehave like a real relay:
 * <ul>
 * <li>{@link Mode#PASS}: forwards both ways;</li>
 * <li>{@link Mode#FREEZE}: holds every connection open and forwards nothing in either direction. A message whose
 * final "." reached the server before the freeze is stored, but its 250 reply never reaches the client, which
 * times out: the ambiguous case of a real stalled relay;</li>
 * <li>{@link Mode#REFUSE}: closes the open connections and answers each new one with
 * {@code 421 4.3.2 Service not available, try later};</li>
 * <li>{@link Mode#CUT}: lets the whole message through, including the final ".", then drops the connection
 * instead of passing on the server's reply: the server has stored the message, the client sees the connection
 * die. The unknown SMTP outcome, made on purpose, without waiting for a client timeout.</li>
 * </ul>
 * Loopback only; every thread is a daemon.
 */
public final class SmtpFaultProxy implements AutoCloseable {

    public enum Mode { PASS, FREEZE, REFUSE, CUT }

    private static final byte[] END_OF_DATA = { '\r', '\n', '.', '\r', '\n' };

    private final ServerSocket server;
    private final IntSupplier targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile Mode mode = Mode.PASS;
    private volatile boolean closed;

    /** A proxy on a free loopback port to the SMTP server on {@code targetPort} (read at each new connection). */
    public SmtpFaultProxy(IntSupplier targetPort) {
        this.targetPort = targetPort;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the SMTP proxy's port", e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "smtp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public Mode mode() {
        return mode;
    }

    /** From now on the proxy behaves as {@code next}; {@link Mode#REFUSE} also closes the open connections. */
    public void mode(Mode next) {
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
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort.getAsInt()), 2000);
                open.add(client);
                open.add(upstream);
                AtomicBoolean cutAfterData = new AtomicBoolean();
                pump(client, upstream, cutAfterData, true);
                pump(upstream, client, cutAfterData, false);
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                // that connection fails; the next one is served
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

    /**
     * Client to server: notes the end of the message data (while cutting). Server to client: drops the reply that
     * follows it.
     */
    private void pump(Socket from, Socket to, AtomicBoolean cutAfterData, boolean clientToServer) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            byte[] tail = new byte[END_OF_DATA.length];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    awaitPass();
                    if (mode == Mode.REFUSE) {
                        break;
                    }
                    if (clientToServer) {
                        if (endsData(tail, buffer, n)) {
                            cutAfterData.set(mode == Mode.CUT);
                        }
                    } else if (cutAfterData.get()) {
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
        }, "smtp-proxy-" + (clientToServer ? "c2s" : "s2c"));
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
