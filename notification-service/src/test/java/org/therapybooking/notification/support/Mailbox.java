package org.therapybooking.notification.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.therapybooking.localstack.GreenMailTestResource;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What the real SMTP server (GreenMail) received, decoded for assertions. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<Email> to(String address) {
        GreenMail greenMail = GreenMailTestResource.greenMail();
        if (greenMail == null) {
            return List.of();
        }
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains(address.toLowerCase()))
                .map(Email::of)
                .toList();
    }

    public static void purge() {
        GreenMail greenMail = GreenMailTestResource.greenMail();
        if (greenMail != null) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getRecipients(Message.RecipientType.TO)).toLowerCase();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A received email: subject, the two alternatives and the calendar attachment. */
    public record Email(String subject, String html, String text, String ics, String icsContentType, String notificationId) {
        static Email of(MimeMessage m) {
            try {
                Parts parts = new Parts();
                walk(m, parts);
                String[] id = m.getHeader("X-Therapy-Notification-Id");
                return new Email(m.getSubject(), parts.html, parts.text, parts.ics, parts.icsType, id == null ? null : id[0]);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void walk(Part part, Parts parts) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) part.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart child = mp.getBodyPart(i);
                    walk(child, parts);
                }
            } else if (part.isMimeType("text/calendar")) {
                parts.ics = read(part);
                parts.icsType = part.getContentType();
            } else if (part.isMimeType("text/html")) {
                parts.html = read(part);
            } else if (part.isMimeType("text/plain")) {
                parts.text = read(part);
            }
        }

        private static String read(Part part) throws MessagingException, IOException {
            try (InputStream in = part.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static final class Parts {
        String html;
        String text;
        String ics;
        String icsType;
    }
}
