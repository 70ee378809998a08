package io.paperwire.notify.delivery.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.notify.delivery.DeliveryFixtures;
import io.paperwire.notify.delivery.MatchedPaper;
import io.paperwire.notify.delivery.MutableClock;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Subscription;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AtomFeedRendererTest {

    private static final String ATOM = AtomFeedRenderer.ATOM_NS;
    private static final String HOSTILE = "<script>alert(1)</script> & \"quotes\" ]]> done";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T00:00:00Z"));
    private final AtomFeedRenderer renderer = new AtomFeedRenderer(URI.create("https://paperwire.test/"), clock);
    private final Subscription subscription = DeliveryFixtures.subscription("sub-1").build();

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
    }

    @Test
    void shouldRenderValidEscapedAtomNewestFirst() throws Exception {
        EnrichedPaper hostile = DeliveryFixtures.paper("arxiv:2506.00001", HOSTILE,
                "Abstract with a control character \u0001 and <b>markup</b>.");
        MatchedPaper older = new MatchedPaper(DeliveryFixtures.alert("sub-1", hostile,
                Instant.parse("2025-06-01T08:00:00Z")), hostile);
        MatchedPaper newer = DeliveryFixtures.match("sub-1", "arxiv:2506.00002", "Newer paper",
                Instant.parse("2025-06-01T09:30:00.250Z"));

        String xml = renderer.render(subscription, List.of(older, newer));

        assertThat(xml).doesNotContain("<script>", "<b>markup", "\u0001");
        Document document = parse(xml);
        Element feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(text(feed, "updated")).isEqualTo("2025-06-01T09:30:00Z");
        assertThat(text(feed, "id")).startsWith("urn:uuid:");
        Element self = (Element) feed.getElementsByTagNameNS(ATOM, "link").item(0);
        assertThat(self.getAttribute("rel")).isEqualTo("self");
        assertThat(self.getAttribute("href")).isEqualTo("https://paperwire.test/feeds/sub-1.atom");

        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isEqualTo(2);
        Element first = (Element) entries.item(0);
        Element second = (Element) entries.item(1);
        assertThat(text(first, "title")).isEqualTo("Newer paper");
        assertThat(text(second, "title")).as("the title round-trips as text").isEqualTo(HOSTILE);
        assertThat(text(second, "summary")).isEqualTo("Abstract with a control character  and <b>markup</b>.");
        assertThat(text(second, "content")).startsWith("Why you got this: the tag “mixture of experts”");
        assertThat(second.getElementsByTagNameNS(ATOM, "author").getLength()).isEqualTo(2);
        Element alternate = (Element) second.getElementsByTagNameNS(ATOM, "link").item(0);
        assertThat(alternate.getAttribute("rel")).isEqualTo("alternate");
        assertThat(alternate.getAttribute("href")).isEqualTo("https://arxiv.org/abs/2506.00001");
        NodeList categories = second.getElementsByTagNameNS(ATOM, "category");
        assertThat(((Element) categories.item(1)).getAttribute("term")).isEqualTo("mixture of experts");
        assertThat(text(second, "id")).startsWith("urn:uuid:").isNotEqualTo(text(first, "id"));
    }

    @Test
    void shouldKeepIdsStableAcrossRenders() throws Exception {
        MatchedPaper match = DeliveryFixtures.match("sub-1", "arxiv:2506.00002", "Paper", clock.instant());
        Document once = parse(renderer.render(subscription, List.of(match)));
        clock.set(Instant.parse("2025-07-01T00:00:00Z"));
        Document again = parse(renderer.render(subscription, List.of(match)));

        Element entryOnce = (Element) once.getElementsByTagNameNS(ATOM, "entry").item(0);
        Element entryAgain = (Element) again.getElementsByTagNameNS(ATOM, "entry").item(0);
        assertThat(text(entryAgain, "id")).isEqualTo(text(entryOnce, "id"));
    }

    @Test
    void shouldRenderAnEmptyFeedThatStillParses() throws Exception {
        Document document = parse(renderer.render(subscription, List.of()));
        assertThat(document.getDocumentElement().getElementsByTagNameNS(ATOM, "entry").getLength()).isZero();
        assertThat(text(document.getDocumentElement(), "updated")).isEqualTo("2025-01-01T00:00:00Z");
    }
}
