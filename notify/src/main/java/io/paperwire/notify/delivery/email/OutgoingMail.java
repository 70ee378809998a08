package io.paperwire.notify.delivery.email;

import io.paperwire.notify.delivery.Deliverable;
import io.paperwire.notify.delivery.DeliveryKey;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rendered mail, ready for a channel: a multipart/alternative message with a plain-text and an HTML part, a
 * fixed {@code Message-ID} (its idempotency key: a resend carries the same one) and extra headers such as
 * {@code List-Unsubscribe}.
 *
 * @param deliveryKey the ledger key (an alert on the email channel, or a digest period)
 * @param messageId   the {@code Message-ID}, with angle brackets
 * @param from        the {@code From} address
 * @param to          the recipient
 * @param subject     the subject, one line
 * @param text        the plain-text part
 * @param html        the HTML part
 * @param headers     extra headers, in order
 * @param date        the {@code Date} header
 */
public record OutgoingMail(DeliveryKey deliveryKey, String messageId, String from, String to, String subject,
                           String text, String html, Map<String, String> headers, Instant date)
        implements Deliverable {

    public OutgoingMail {
        Objects.requireNonNull(deliveryKey, "deliveryKey");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(date, "date");
        if (!messageId.startsWith("<") || !messageId.endsWith(">")) {
            throw new IllegalArgumentException("a Message-ID is written <id@domain>, got '" + messageId + "'");
        }
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getValue().chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw new IllegalArgumentException("header " + header.getKey() + " must be one line");
            }
        }
    }

    @Override
    public String idempotencyKey() {
        return messageId;
    }

    /** Builds the MIME message; the {@code Message-ID} survives {@code saveChanges()}. */
    public MimeMessage toMimeMessage(Session session) throws MessagingException {
        MimeMessage message = new FixedIdMimeMessage(session, messageId);
        message.setFrom(new InternetAddress(from, true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(date));
        for (Map.Entry<String, String> header : headers.entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart);
        alternative.addBodyPart(htmlPart);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** A MimeMessage that keeps the Message-ID it was given instead of inventing one on save. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
