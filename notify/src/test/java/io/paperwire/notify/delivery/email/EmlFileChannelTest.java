package io.paperwire.notify.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.notify.delivery.DeliveryFixtures;
import io.paperwire.notify.delivery.DeliveryResult;
import io.paperwire.notify.delivery.MutableClock;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmlFileChannelTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
    private final SmtpSettings noSmtp = SmtpSettings.unconfigured("paperwire <alerts@paperwire.test>",
            URI.create("http://localhost:8080"));

    private OutgoingMail mail() {
        return new AlertMailComposer(noSmtp, clock).instant(
                DeliveryFixtures.match("sub-1", "arxiv:2506.00001", "A <b>bold</b> title", clock.instant()),
                DeliveryFixtures.subscription("sub-1").build());
    }

    @Test
    void shouldWriteAParseableMessageUnderTheDataDirectoryAndSayWhere(@TempDir Path dataDir) throws Exception {
        var channel = MailChannels.select(noSmtp, dataDir);
        assertThat(channel).isInstanceOf(EmlFileChannel.class);

        OutgoingMail mail = mail();
        DeliveryResult result = channel.deliver(mail);

        assertThat(result.isDelivered()).isTrue();
        Path written = Path.of(result.detail());
        assertThat(written).isRegularFile().hasParent(dataDir.resolve("mail"));
        assertThat(written.getFileName().toString()).endsWith(".eml");
        try (InputStream in = Files.newInputStream(written)) {
            MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(parsed.getMessageID()).isEqualTo(mail.messageId());
            assertThat(parsed.getSubject()).isEqualTo("[paperwire] A <b>bold</b> title");
            assertThat(parsed.getHeader("List-Unsubscribe", null))
                    .isEqualTo("<http://localhost:8080/unsubscribe?token=" + DeliveryFixtures.TOKEN + ">");
            MimeMultipart parts = (MimeMultipart) parsed.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat((String) parts.getBodyPart(1).getContent()).contains("A &lt;b&gt;bold&lt;/b&gt; title");
        }
    }

    @Test
    void shouldReplaceTheFileWhenTheSameMailIsWrittenAgain(@TempDir Path dir) throws Exception {
        EmlFileChannel channel = new EmlFileChannel(dir);
        Path first = channel.write(mail());
        Path second = channel.write(mail());

        assertThat(second).isEqualTo(first);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(first);
        }
    }

    @Test
    void shouldReportARetryableFailureWhenTheDirectoryCannotBeWritten(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("occupied"), "a file, not a directory");
        DeliveryResult result = new EmlFileChannel(notADirectory).deliver(mail());

        assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
        assertThat(result.detail()).contains("occupied");
    }
}
