import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server (SubEthaSMTP, one thread per connection) on loopback for the load scripts: it accepts every
 * message, keeps none, and prints "received N distinct M" (M = distinct Message-IDs) whenever the count changes.
 * The local stack's mail sink (MailDev) parses and stores every message on one Node.js thread and tops out at about
 * 300 messages/s here, and GreenMail answers each SMTP command only after about 40 ms: either would measure itself.
 *
 *   java -cp <class path of pom.xml> SmtpSink.java <port>
 */
public class SmtpSink {

    public static void main(String[] args) throws Exception {
        AtomicInteger received = new AtomicInteger();
        Set<String> messageIds = ConcurrentHashMap.newKeySet();
        SMTPServer server = SMTPServer.port(Integer.parseInt(args[0]))
                .bindAddress(InetAddress.getLoopbackAddress())
                .maxConnections(200)
                .messageHandler((context, from, to, data) -> {
                    messageIds.add(messageId(data));
                    received.incrementAndGet();
                })
                .build();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("SMTP sink ready on 127.0.0.1:" + args[0]);
        int reported = 0;
        while (true) {
            Thread.sleep(500);
            int now = received.get();
            if (now != reported) {
                reported = now;
                System.out.println("received " + now + " distinct " + messageIds.size());
            }
        }
    }

    /** The Message-ID header of a message (the whole data when it has none, so such messages count as distinct). */
    static String messageId(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int headersEnd = text.indexOf("\r\n\r\n");
        for (String line : (headersEnd < 0 ? text : text.substring(0, headersEnd)).split("\r\n")) {
            if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                return line.substring(11).trim();
            }
        }
        return text;
    }
}
