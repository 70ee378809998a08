package io.paperwire.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.paperwire.schemas.Author;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperEventKind;
import io.paperwire.schemas.PaperLinks;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;

/** Papers written by hand for the interoperability tests (markup, LaTeX, non-Latin text, nulls, several versions). */
final class InteropFixtures {

    private InteropFixtures() {
    }

    static List<Paper> papers() {
        List<Paper> papers = new ArrayList<>();
        Instant base = Instant.parse("2026-11-27T20:00:00Z");
        papers.add(Paper.newBuilder()
                .setKey("arxiv:2611.00042").setKind(PaperEventKind.NEW_PAPER).setSource("interop-test")
                .setArxivId("2611.00042").setVersion(1)
                .setTitle("Sparse <script>alert(1)</script> Mixture-of-Experts for $\\Lambda_{\\alpha}$ streams")
                .setAbstractText("We route each token to one expert (MoE). Bal\u00e1zs \u00fcber \u4e2d\u6587 \ud83d\ude80.")
                .setAuthors(List.of(new Author("Bal\\'azs Szegedy", "Example University"), new Author("A. N. Other", null)))
                .setCategories(List.of("cs.LG", "stat.ML")).setPrimaryCategory("cs.LG")
                .setDoi("10.1000/xyz123").setComments("12 pages")
                .setLinks(new PaperLinks("https://arxiv.org/abs/2611.00042", "https://arxiv.org/pdf/2611.00042v1"))
                .setFirstPublishedAt(base).setVersionPublishedAt(base).setIngestedAt(base.plusSeconds(5))
                .setContentHash("abc123")
                .build());
        papers.add(Paper.newBuilder()
                .setKey("arxiv:hep-th/9504118").setKind(PaperEventKind.NEW_VERSION).setSource("interop-test")
                .setArxivId("hep-th/9504118").setVersion(3)
                .setTitle("An old-style identifier")
                .setAbstractText("")
                .setAuthors(List.of())
                .setLinks(new PaperLinks(null, null))
                .setIngestedAt(base.plusSeconds(60))
                .build());
        return papers;
    }

    /** Avro's JSON encoding of a record, the neutral form both Avro versions (ours and the shaded one) understand. */
    static String avroJson(Paper paper) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(Paper.getClassSchema(), out);
            new SpecificDatumWriter<>(Paper.class).write(paper, encoder);
            encoder.flush();
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
