package org.therapybooking.notification.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of an SMTP server that, while {@link #cutAfterData(boolean) cutting}, lets the whole message
 * through, including the final ".", and then drops the connection instead of passing on the server's reply: the
 * server has stored the message, the client sees the connection die. The unknown SMTP outcome, made on purpose.
 */
public final class SmtpCutProxy implements AutoCloseable {
    private static final byte[] END_OF_DATA = { '\r', '\n', '.', '\r', '\n' };

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cutting;
    private volatile boolean closed;

    /** Listens on {@code port} (the one the mailer is configured with) and forwards to {@code targetPort}. */
    public SmtpCutProxy(int port, int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread acceptor = new Thread(this::acceptLoop, "smtp-cut-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public void cutAfterData(boolean on) {
        cutting = on;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                open.add(client);
                open.add(upstream);
                AtomicBoolean dataEnded = new AtomicBoolean();
                pump(client, upstream, dataEnded, true);
                pump(upstream, client, dataEnded, false);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** Client to server: notes the end of the message data. Server to client: drops the reply that follows it. */
    private void pump(Socket from, Socket to, AtomicBoolean dataEnded, boolean clientToServer) {
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
