package io.paperwire.notify.delivery.email;

import io.paperwire.notify.delivery.DeliveryChannel;
import java.nio.file.Path;

/** Chooses the mail channel from the settings: SMTP when a host is configured, {@code .eml} files otherwise. */
public final class MailChannels {

    /** Sub-directory of the data directory that receives {@code .eml} files. */
    public static final String EML_DIRECTORY = "mail";

    private MailChannels() {
    }

    /** {@link SmtpMailChannel} when {@code settings} name an SMTP host, else {@link EmlFileChannel} under
     * {@code dataDir/mail}. */
    public static DeliveryChannel<OutgoingMail> select(SmtpSettings settings, Path dataDir) {
        return settings.smtpConfigured() ? new SmtpMailChannel(settings)
                : new EmlFileChannel(dataDir.resolve(EML_DIRECTORY));
    }
}
