package io.paperwire.notify.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.paperwire.notify.delivery.DeliveryDispatcher;
import io.paperwire.notify.delivery.DeliveryFixtures;
import io.paperwire.notify.delivery.DeliveryLanes;
import io.paperwire.notify.delivery.DeliveryLedger;
import io.paperwire.notify.delivery.DeliveryResult;
import io.paperwire.notify.delivery.InMemoryDeadLetters;
import io.paperwire.notify.delivery.InMemoryDeliveryLedger;
import io.paperwire.notify.delivery.MatchedPaper;
import io.paperwire.notify.delivery.MutableClock;
import io.paperwire.notify.delivery.RetryPolicy;
import io.paperwire.notify.delivery.TrendingPaper;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Subscription;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mails through a real SMTP server in the test process (GreenMail). */
class SmtpMailChannelTest {

    private static final String HOSTILE_TITLE = "Sparse <script>alert(\"pwned\")</script> Experts & Friends";
    private static final String HOSTILE_ABSTRACT = "We route tokens <script>steal()</script> between experts. "
            + "Routing is learned end to end and balanced with an auxiliary loss. ".repeat(12)
            + "Finally the unique closing sentence appears here.";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final InMemoryDeadLetters deadLetters = new InMemoryDeadLetters();
    private GreenMail greenMail;

    @AfterEach
    void stopSmtp() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private GreenMail startSmtp(int port) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private static SmtpSettings settings(int port) {
        return new SmtpSettings("127.0.0.1", port, "", "", false, "paperwire <alerts@paperwire.test>",
                URI.create("https://paperwire.test/"), Duration.ofSeconds(5));
    }

    private static MatchedPaper hostileMatch() {
        EnrichedPaper paper = DeliveryFixtures.paper("arxiv:2506.00001", HOSTILE_TITLE, HOSTILE_ABSTRACT);
        return new MatchedPaper(DeliveryFixtures.alert("sub-1", paper, Instant.parse("2025-06-01T09:00:00Z")), paper);
    }

    private DeliveryDispatcher<OutgoingMail> dispatcher(SmtpSettings settings) {
        return new DeliveryDispatcher<>(new SmtpMailChannel(settings), ledger,
                new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(5), 2.0, 0.0), deadLetters,
                DeliveryLanes.callerThread(), clock, new Random(1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldSendAnInstantMailWithBothPartsEscapingAndUnsubscribeHeaders() throws Exception {
        int port = startSmtp(freePort()).getSmtp().getPort();
        SmtpSettings settings = settings(port);
        AlertMailComposer composer = new AlertMailComposer(settings, clock);
        Subscription subscription = DeliveryFixtures.subscription("sub-1").build();
        OutgoingMail mail = composer.instant(hostileMatch(), subscription);

        DeliveryDispatcher<OutgoingMail> dispatcher = dispatcher(settings);
        dispatcher.submit(mail);
        dispatcher.runDue();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        String unsubscribe = "https://paperwire.test/unsubscribe?token=" + DeliveryFixtures.TOKEN;
        assertThat(message.getHeader("Message-ID", null)).isEqualTo(mail.messageId()).matches("<alert\\.[0-9a-f]{32}@paperwire\\.test>");
        assertThat(message.getHeader("List-Unsubscribe", null)).isEqualTo("<" + unsubscribe + ">");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getSubject()).isEqualTo("[paperwire] " + HOSTILE_TITLE);
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(message.getContentType()).startsWith("multipart/alternative");

        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();

        assertThat(text).contains(HOSTILE_TITLE, "Ada Lovelace, Grace O'Hopper", "sparse experts, routing <b>tokens</b>",
                "Machine Learning (cs.LG), mixture of experts", "Why you got this:",
                "the tag “mixture of experts”", "the phrase “sparse <experts>” in abstract",
                "Abstract: https://arxiv.org/abs/2506.00001", "PDF: https://arxiv.org/pdf/2506.00001v1",
                "Unsubscribe with one click: " + unsubscribe);

        assertThat(html).doesNotContain("<script", "<b>tokens", "<experts>")
                .contains("Sparse &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; Experts &amp; Friends",
                        "We route tokens &lt;script&gt;steal()&lt;/script&gt;",
                        "Grace O&#39;Hopper", "routing &lt;b&gt;tokens&lt;/b&gt;",
                        "the phrase “sparse &lt;experts&gt;” in abstract",
                        "<a href=\"https://arxiv.org/abs/2506.00001\">Abstract</a>",
                        "<a href=\"https://arxiv.org/pdf/2506.00001v1\">PDF</a>",
                        "<a href=\"" + unsubscribe + "\">Unsubscribe with one click</a>");
        assertThat(html).as("the abstract is shortened at a word boundary").contains("…</p>")
                .doesNotContain("unique closing sentence");
    }

    @Test
    void shouldGiveTheSameMessageIdToTheSameAlert() {
        AlertMailComposer composer = new AlertMailComposer(settings(2525), clock);
        Subscription subscription = DeliveryFixtures.subscription("sub-1").build();
        OutgoingMail first = composer.instant(hostileMatch(), subscription);
        clock.advance(Duration.ofHours(1));
        OutgoingMail second = composer.instant(hostileMatch(), subscription);
        OutgoingMail other = composer.instant(DeliveryFixtures.match("sub-1", "arxiv:2506.00002", "Other",
                clock.instant()), subscription);

        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(other.messageId()).isNotEqualTo(first.messageId());
    }

    @Test
    void shouldRetryLaterWhenSmtpIsDownAndDeliverOnce() throws Exception {
        int port = freePort();
        SmtpSettings settings = settings(port);
        OutgoingMail mail = new AlertMailComposer(settings, clock).instant(hostileMatch(),
                DeliveryFixtures.subscription("sub-1").build());
        DeliveryDispatcher<OutgoingMail> dispatcher = dispatcher(settings);

        dispatcher.submit(mail);
        dispatcher.runDue();
        assertThat(dispatcher.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.result()).isInstanceOf(DeliveryResult.RetryableFailure.class);
            assertThat(attempt.result().detail()).contains("127.0.0.1:" + port);
        });
        assertThat(ledger.pending()).singleElement().extracting(DeliveryLedger.Entry::attempts).isEqualTo(1);

        startSmtp(port);
        clock.advance(Duration.ofSeconds(29));
        assertThat(dispatcher.runDue()).as("not before the backoff").isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        dispatcher.runDue();
        clock.advance(Duration.ofHours(1));
        dispatcher.runDue();
        assertThat(dispatcher.submit(mail)).isEqualTo(DeliveryDispatcher.Submission.ALREADY_SENT);

        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getMessageID()).isEqualTo(mail.messageId());
        assertThat(ledger.isSent(mail.deliveryKey())).isTrue();
        assertThat(deadLetters.all()).isEmpty();
    }

    @Test
    void shouldSendADigestWithMatchesAndTrendingPapers() throws Exception {
        int port = startSmtp(freePort()).getSmtp().getPort();
        SmtpSettings settings = settings(port);
        Subscription subscription = DeliveryFixtures.subscription("sub-1").build();
        OutgoingMail mail = new AlertMailComposer(settings, clock).digest(subscription, "daily:2025-06-01",
                "Your daily paperwire digest for Sunday 1 June 2025",
                List.of(hostileMatch(), DeliveryFixtures.match("sub-1", "arxiv:2506.00002", "Second match",
                        clock.instant())),
                List.of(new TrendingPaper(DeliveryFixtures.paper("arxiv:2506.00009", "Hot <i>paper</i>",
                        "Everyone reads this."), 42.0)));

        DeliveryDispatcher<OutgoingMail> dispatcher = dispatcher(settings);
        dispatcher.submit(mail);
        dispatcher.runDue();

        MimeMessage message = greenMail.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("[paperwire] MoE watch: 2 matches, 1 trending");
        assertThat(message.getMessageID()).matches("<digest\\.[0-9a-f]{32}@paperwire\\.test>");
        assertThat(message.getHeader("List-Unsubscribe", null)).contains(DeliveryFixtures.TOKEN);
        MimeMultipart parts = (MimeMultipart) message.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("== Your matches (2) ==", HOSTILE_TITLE, "Second match",
                "== Trending today (1) ==", "Hot <i>paper</i>", "trending today (score 42.0)");
        assertThat(html).contains("Hot &lt;i&gt;paper&lt;/i&gt;", "Your matches (2)", "Trending today (1)")
                .doesNotContain("<script", "<i>paper");
    }
}
