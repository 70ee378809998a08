package io.paperwire.ingest.generator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.paperwire.schemas.Author;
import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.SignalKind;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes papers in the formats paperwire ingests, so the demo and the benchmarks go through the real parsers: the
 * Kaggle snapshot's JSON Lines and the Hugging Face daily papers JSON array. The output looks like the sources: titles
 * and abstracts wrapped with hard line breaks, the abstract's leading two spaces, RFC 1123 version dates, the author
 * string with affiliations in parentheses next to {@code authors_parsed}. Parsing it back gives the same titles,
 * abstracts, authors and content hashes.
 */
public final class GeneratedFormats {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private GeneratedFormats() {
    }

    /** One snapshot line per paper, each line the paper's latest version with its whole history. */
    public static void writeSnapshotJsonLines(Iterable<GeneratedPaper> papers, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            for (GeneratedPaper paper : papers) {
                List<Instant> dates = new ArrayList<>();
                paper.versions().forEach(v -> dates.add(v.getVersionPublishedAt()));
                writeSnapshotLine(json, paper.latest(), dates, paper.submitter());
            }
        }
    }

    /**
     * One snapshot line per paper (such as {@link PaperGenerator#replicate} makes); versions before the paper's own
     * are dated between its first and its latest publication.
     */
    public static void writeSnapshotJsonLinesOfPapers(Iterable<Paper> papers, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            for (Paper paper : papers) {
                List<Instant> dates = new ArrayList<>();
                Instant first = paper.getFirstPublishedAt();
                Instant last = paper.getVersionPublishedAt();
                for (int v = 1; v <= paper.getVersion(); v++) {
                    dates.add(v == paper.getVersion() ? last : v == 1 ? first
                            : first.plusMillis((last.toEpochMilli() - first.toEpochMilli()) * (v - 1)
                                    / (paper.getVersion() - 1)));
                }
                String submitter = paper.getAuthors().isEmpty() ? "" : paper.getAuthors().get(0).getName();
                writeSnapshotLine(json, paper, dates, submitter);
            }
        }
    }

    private static void writeSnapshotLine(JsonGenerator json, Paper paper, List<Instant> versionDates,
            String submitter) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", paper.getArxivId());
        json.writeStringField("submitter", submitter);
        json.writeStringField("authors", authorString(paper.getAuthors()));
        json.writeStringField("title", wrap(paper.getTitle(), 70, "\n  "));
        json.writeStringField("comments", paper.getComments());
        json.writeStringField("journal-ref", paper.getJournalRef());
        json.writeStringField("doi", paper.getDoi());
        json.writeNullField("report-no");
        json.writeStringField("categories", String.join(" ", paper.getCategories()));
        json.writeStringField("license", paper.getLicense());
        json.writeStringField("abstract", "  " + wrap(paper.getAbstractText(), 78, "\n") + "\n");
        json.writeArrayFieldStart("versions");
        for (int v = 0; v < versionDates.size(); v++) {
            json.writeStartObject();
            json.writeStringField("version", "v" + (v + 1));
            json.writeStringField("created", RFC_1123.format(versionDates.get(v)));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("update_date", DAY.format(versionDates.get(versionDates.size() - 1)));
        json.writeArrayFieldStart("authors_parsed");
        for (Author author : paper.getAuthors()) {
            String name = author.getName();
            int space = name.lastIndexOf(' ');
            json.writeStartArray();
            json.writeString(space < 0 ? name : name.substring(space + 1));
            json.writeString(space < 0 ? "" : name.substring(0, space));
            json.writeString("");
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /**
     * A Hugging Face daily papers response listing these papers (latest versions), sorted as HF sorts them: most
     * upvoted first.
     */
    public static void writeHfDaily(List<GeneratedPaper> papers, Instant postedAt, OutputStream out)
            throws IOException {
        List<GeneratedPaper> sorted = new ArrayList<>(papers);
        sorted.sort((a, b) -> Long.compare(count(b, SignalKind.UPVOTE), count(a, SignalKind.UPVOTE)));
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartArray();
            for (GeneratedPaper generated : sorted) {
                Paper paper = generated.latest();
                String hex = hexId(paper.getArxivId());
                json.writeStartObject();
                json.writeObjectFieldStart("paper");
                json.writeStringField("id", paper.getArxivId());
                json.writeArrayFieldStart("authors");
                int n = 0;
                for (Author author : paper.getAuthors()) {
                    json.writeStartObject();
                    json.writeStringField("_id", hex + String.format(Locale.ROOT, "%02x", n++));
                    json.writeStringField("name", author.getName());
                    json.writeBooleanField("hidden", false);
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeStringField("publishedAt", paper.getFirstPublishedAt().toString());
                json.writeStringField("title", wrap(paper.getTitle(), 70, "\n  "));
                json.writeStringField("summary", wrap(paper.getAbstractText(), 78, "\n"));
                json.writeNumberField("upvotes", count(generated, SignalKind.UPVOTE));
                json.writeStringField("discussionId", hex + "ff");
                json.writeEndObject();
                json.writeStringField("publishedAt", postedAt.toString());
                json.writeStringField("title", paper.getTitle());
                json.writeStringField("thumbnail",
                        "https://example.invalid/paperwire-synthetic/" + paper.getArxivId() + ".png");
                json.writeNumberField("numComments", count(generated, SignalKind.COMMENT));
                json.writeObjectFieldStart("submittedBy");
                json.writeStringField("name", "paperwire-generator");
                json.writeStringField("fullname", generated.submitter());
                json.writeStringField("type", "user");
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    private static long count(GeneratedPaper paper, SignalKind kind) {
        for (EngagementSignal signal : paper.signals()) {
            if (signal.getKind() == kind) {
                return signal.getCount();
            }
        }
        return 0;
    }

    private static String hexId(String arxivId) {
        StringBuilder hex = new StringBuilder(22);
        for (char c : arxivId.toCharArray()) {
            hex.append(Character.forDigit((c >> 4) & 0xf, 16)).append(Character.forDigit(c & 0xf, 16));
        }
        return hex.toString();
    }

    /** The author string as arXiv writes it: "A, B and C", an affiliation in parentheses after its author. */
    static String authorString(List<Author> authors) {
        StringBuilder out = new StringBuilder(authors.size() * 24);
        for (int i = 0; i < authors.size(); i++) {
            if (i > 0) {
                out.append(i == authors.size() - 1 ? " and " : ", ");
            }
            Author author = authors.get(i);
            out.append(author.getName());
            if (author.getAffiliation() != null) {
                out.append(" (").append(author.getAffiliation()).append(')');
            }
        }
        return out.toString();
    }

    /** Breaks text at spaces into lines of at most {@code width} characters, joined by {@code lineBreak}. */
    static String wrap(String text, int width, String lineBreak) {
        if (text.length() <= width) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + text.length() / width * lineBreak.length() + 8);
        int lineStart = 0;
        while (text.length() - lineStart > width) {
            int cut = text.lastIndexOf(' ', lineStart + width);
            if (cut <= lineStart) {
                cut = text.indexOf(' ', lineStart + width);
                if (cut < 0) {
                    break;
                }
            }
            out.append(text, lineStart, cut).append(lineBreak);
            lineStart = cut + 1;
        }
        out.append(text, lineStart, text.length());
        return out.toString();
    }
}
