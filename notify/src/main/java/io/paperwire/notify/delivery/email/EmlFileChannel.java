package io.paperwire.notify.delivery.email;

import io.paperwire.notify.delivery.DeliveryChannel;
import io.paperwire.notify.delivery.DeliveryResult;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail channel when no SMTP server is configured: writes each {@link OutgoingMail} as an RFC 822 {@code .eml}
 * file (openable by any mail client) under a directory, and says where. The file name comes from the
 * {@code Message-ID}, so a second write of the same mail replaces the file instead of adding a copy. Files appear
 * atomically (written aside, then moved).
 */
public final class EmlFileChannel implements DeliveryChannel<OutgoingMail> {

    private static final Logger LOG = LoggerFactory.getLogger(EmlFileChannel.class);

    private final Path directory;
    private final Session session = Session.getInstance(new Properties());

    public EmlFileChannel(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Path directory() {
        return directory;
    }

    @Override
    public String name() {
        return AlertMailComposer.CHANNEL;
    }

    /**
     * Writes the mail and returns the file it went to.
     *
     * @throws IOException        when the directory or the file cannot be written
     * @throws MessagingException when the mail cannot be encoded (a malformed address)
     */
    public Path write(OutgoingMail mail) throws IOException, MessagingException {
        Files.createDirectories(directory);
        Path target = directory.resolve(fileNameOf(mail.messageId()));
        Path partial = Files.createTempFile(directory, ".writing-", ".eml");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                mail.toMimeMessage(session).writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        LOG.info("no SMTP server configured: wrote mail {} to {} as {}", mail.messageId(), mail.to(), target);
        return target;
    }

    @Override
    public DeliveryResult deliver(OutgoingMail mail) {
        try {
            return DeliveryResult.delivered(write(mail).toString());
        } catch (IOException e) {
            return DeliveryResult.retryable("cannot write " + mail.messageId() + " under " + directory + ": " + e);
        } catch (MessagingException e) {
            return DeliveryResult.permanent("cannot encode " + mail.messageId() + ": " + e.getMessage());
        }
    }

    static String fileNameOf(String messageId) {
        String inner = messageId.substring(1, messageId.length() - 1);
        int at = inner.indexOf('@');
        String local = at > 0 ? inner.substring(0, at) : inner;
        return local.replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
    }
}
