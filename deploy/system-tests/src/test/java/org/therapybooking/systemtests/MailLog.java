package org.therapybooking.systemtests;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

/** What reached the SMTP sink, read by the headers notification-service puts on every email. */
final class MailLog {
    record Mail(long bookingId, String notificationId, String recipient, String messageId) {
    }

    private final GreenMail greenMail;

    MailLog(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    List<Mail> all() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                String booking = m.getHeader("X-Therapy-Booking-Id", null);
                if (booking == null) {
                    continue;
                }
                Address[] to = m.getRecipients(MimeMessage.RecipientType.TO);
                mails.add(new Mail(Long.parseLong(booking.trim()), m.getHeader("X-Therapy-Notification-Id", null),
                        to == null || to.length == 0 ? "?" : ((InternetAddress) to[0]).getAddress().toLowerCase(), m.getMessageID()));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }
}
