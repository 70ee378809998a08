package io.paperwire.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.embedded.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArxivFeedPapersTest {

    @Test
    void shouldReadEveryItemOfTheRealAllArchivesFeedWithItsCategoriesPrimaryFirst() throws IOException {
        String relative = "data/fixtures/rss/rss_all-archives_2024-11-28.xml";
        Optional<Path> feed = SharedData.file(relative);
        Assumptions.assumeTrue(feed.isPresent(), SharedData.skipReason(relative));

        ArxivFeedPapers.Feed read = ArxivFeedPapers.read(feed.get());

        assertThat(read.papers()).hasSize(1504);
        assertThat(read.skipped()).isZero();
        LabelledPaper first = read.papers().get(0);
        assertThat(first.id()).isEqualTo("oai:arXiv.org:2411.17700v1");
        assertThat(first.title()).startsWith("Exploring the Impact of Generative AI");
        assertThat(first.abstractText()).startsWith("This study investigates").doesNotContain("Announce Type");
        assertThat(read.papers()).allSatisfy(paper -> assertThat(paper.categories()).isNotEmpty());
    }

    @Test
    void shouldSkipItemsWithoutCategoriesAndRefuseBrokenXml(@TempDir Path dir) throws IOException {
        Path feed = dir.resolve("feed.xml");
        Files.writeString(feed, """
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
                <item><title>A</title><description>arXiv:1.1v1 Announce Type: new
                Abstract: Text a.</description><category>math.DG</category><category>math.AG</category>
                <dc:creator>X</dc:creator><guid>oai:arXiv.org:1.1v1</guid></item>
                <item><title>B</title><description>Abstract: Text b.</description></item>
                </channel></rss>""");
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<rss><channel><item>");

        ArxivFeedPapers.Feed read = ArxivFeedPapers.read(feed);

        assertThat(read.papers()).containsExactly(new LabelledPaper("oai:arXiv.org:1.1v1", "A", "Text a.",
                java.util.List.of("math.DG", "math.AG")));
        assertThat(read.skipped()).isEqualTo(1);
        assertThatThrownBy(() -> ArxivFeedPapers.read(broken)).isInstanceOf(IOException.class)
                .hasMessageContaining("broken.xml is not a readable RSS feed");
    }
}
