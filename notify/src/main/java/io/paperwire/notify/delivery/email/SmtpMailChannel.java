package io.paperwire.notify.delivery.email;

import io.paperwire.notify.delivery.DeliveryChannel;
import io.paperwire.notify.delivery.DeliveryResult;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends an {@link OutgoingMail} to the configured SMTP server with Jakarta Mail (Angus Mail), one connection per
 * message. Input: a rendered mail; output: {@code delivered} when the server accepted it, a retryable failure when
 * the server is unreachable, times out, refuses the login or answers 4xx, a permanent failure when it rejects the
 * recipient or the message with 5xx, or the address is malformed.
 */
public final class SmtpMailChannel implements DeliveryChannel<OutgoingMail> {

    private final SmtpSettings settings;
    private final Session session;

    public SmtpMailChannel(SmtpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!settings.smtpConfigured()) {
            throw new IllegalArgumentException("no SMTP host configured (" + SmtpSettings.HOST
                    + "); use EmlFileChannel instead");
        }
        this.session = Session.getInstance(sessionProperties(settings));
    }

    private static Properties sessionProperties(SmtpSettings settings) {
        Properties properties = new Properties();
        String timeoutMillis = String.valueOf(settings.timeout().toMillis());
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", String.valueOf(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", timeoutMillis);
        properties.setProperty("mail.smtp.timeout", timeoutMillis);
        properties.setProperty("mail.smtp.writetimeout", timeoutMillis);
        properties.setProperty("mail.smtp.auth", String.valueOf(!settings.username().isEmpty()));
        properties.setProperty("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        properties.setProperty("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        return properties;
    }

    @Override
    public String name() {
        return AlertMailComposer.CHANNEL;
    }

    @Override
    public DeliveryResult deliver(OutgoingMail mail) {
        MimeMessage message;
        try {
            message = mail.toMimeMessage(session);
        } catch (AddressException e) {
            return DeliveryResult.permanent("bad address in " + mail.deliveryKey() + ": " + e.getMessage());
        } catch (MessagingException e) {
            return DeliveryResult.permanent("cannot build the message " + mail.messageId() + ": " + e.getMessage());
        }
        try {
            if (settings.username().isEmpty()) {
                Transport.send(message);
            } else {
                Transport.send(message, settings.username(), settings.password());
            }
            return DeliveryResult.delivered("smtp " + settings.host() + ":" + settings.port() + " accepted "
                    + mail.messageId());
        } catch (MessagingException e) {
            return classify(e);
        }
    }

    private DeliveryResult classify(MessagingException failure) {
        String where = "smtp " + settings.host() + ":" + settings.port() + ": ";
        for (Throwable cause = failure; cause != null; cause = nextCause(cause)) {
            if (cause instanceof SMTPAddressFailedException address) {
                return byReturnCode(address.getReturnCode(), where + "recipient refused: " + address.getMessage());
            }
            if (cause instanceof SMTPSendFailedException send) {
                return byReturnCode(send.getReturnCode(), where + "message refused: " + send.getMessage());
            }
            if (cause instanceof AuthenticationFailedException) {
                return DeliveryResult.retryable(where + "login refused, check " + SmtpSettings.USERNAME + " and "
                        + SmtpSettings.PASSWORD + ": " + cause.getMessage());
            }
            if (cause instanceof IOException) {
                return DeliveryResult.retryable(where + "unreachable: " + cause);
            }
        }
        return DeliveryResult.retryable(where + failure);
    }

    private static DeliveryResult byReturnCode(int code, String reason) {
        return code >= 500 && code < 600 ? DeliveryResult.permanent(reason + " (" + code + ")")
                : DeliveryResult.retryable(reason + " (" + code + ")");
    }

    private static Throwable nextCause(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
