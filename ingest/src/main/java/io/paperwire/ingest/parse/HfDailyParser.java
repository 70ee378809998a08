package io.paperwire.ingest.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.schemas.Author;
import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.SignalKind;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Parses a Hugging Face daily papers response ({@code huggingface.co/api/daily_papers?date=YYYY-MM-DD}, a JSON array)
 * into papers keyed by their arXiv id and, per paper, two engagement signals of their own kind: {@code UPVOTE}
 * ({@code paper.upvotes}) and {@code COMMENT} ({@code numComments}), observed at the parser clock's time.
 *
 * <p>HF gives no version: the paper is reported as version 1 with {@code versionExact=false};
 * {@code paper.publishedAt} (arXiv's v1 date) is {@code firstPublishedAt}. {@code paper.title} and
 * {@code paper.summary} keep arXiv's hard line breaks; they are folded like every other source. An object instead of
 * an array ({@code {"error": …}}) is a feed error.
 */
public final class HfDailyParser implements PaperParser {

    public static final String SOURCE = "hf-daily";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ParserSettings settings;

    public HfDailyParser(ParserSettings settings) {
        this.settings = settings;
    }

    public HfDailyParser() {
        this(ParserSettings.defaults());
    }

    @Override
    public String sourceName() {
        return SOURCE;
    }

    @Override
    public Page parse(InputStream in, String sourceRef) {
        ParseContext context = new ParseContext(sourceRef, SOURCE, settings);
        List<ParseResult> results = new ArrayList<>();
        String feedError = null;
        int index = 0;
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            results.add(context.error("byte 0", "could not read the input: " + e, new byte[0]));
            return Page.of(results);
        }
        long entryStart = 0;
        try (JsonParser parser = MAPPER.getFactory().createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                feedError = "empty response: no JSON at all";
                results.add(context.error("byte 0", feedError, bytes));
            } else if (first == JsonToken.START_OBJECT) {
                JsonNode object = parser.readValueAsTree();
                feedError = "Hugging Face daily papers error: expected an array of papers, got an object: "
                        + PaperDraft.abbreviate(String.valueOf(object));
                results.add(context.error("byte 0", feedError, bytes));
            } else if (first != JsonToken.START_ARRAY) {
                feedError = "expected a JSON array of papers, found " + first;
                results.add(context.error("byte 0", feedError, bytes));
            } else {
                while (true) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY || token == null) {
                        break;
                    }
                    index++;
                    entryStart = offset(parser.currentTokenLocation());
                    JsonNode entry = parser.readValueAsTree();
                    long entryEnd = offset(parser.currentLocation());
                    String position = "entry " + index + " (byte " + entryStart + ")";
                    byte[] raw = slice(bytes, entryStart, entryEnd);
                    entry(context, entry, position, raw, results);
                }
                JsonToken trailing = parser.nextToken();
                if (trailing != null) {
                    results.add(context.error("byte " + offset(parser.currentTokenLocation()),
                            "unexpected content after the array: " + trailing, new byte[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            String position = "entry " + (index == 0 ? 1 : index) + " (byte " + entryStart + ")";
            results.add(context.error(position, "malformed JSON, the rest of the response is unreadable: " + message,
                    slice(bytes, entryStart, bytes.length)));
        }
        return new Page(results, Optional.empty(), OptionalLong.empty(), Optional.ofNullable(feedError));
    }

    private void entry(ParseContext context, JsonNode entry, String position, byte[] raw, List<ParseResult> out) {
        if (!entry.isObject() || !entry.path("paper").isObject()) {
            out.add(context.error(position, "entry is not an object with a 'paper' object", raw));
            return;
        }
        JsonNode paper = entry.get("paper");
        PaperDraft draft = new PaperDraft();
        draft.rawId = JsonFields.string(paper, "id", draft);
        draft.arxivId = ArxivId.parse(draft.rawId).orElse(null);
        draft.title = JsonFields.string(paper, "title", draft);
        draft.abstractText = JsonFields.string(paper, "summary", draft);
        for (JsonNode author : paper.path("authors")) {
            String name = author.isObject() ? JsonFields.string(author, "name", draft) : null;
            if (name != null && !name.isBlank()) {
                draft.authors.add(new Author(Normalizer.text(name), null));
            }
        }
        String published = JsonFields.string(paper, "publishedAt", draft);
        if (published != null) {
            Optional<Instant> date = SourceTimestamps.parse(published);
            if (date.isEmpty() && draft.problem == null) {
                draft.problem = "unreadable paper.publishedAt '" + PaperDraft.abbreviate(published) + "'";
            }
            draft.firstPublishedAt = date.orElse(null);
        }
        draft.versionExact = false;
        Long upvotes = JsonFields.integer(paper, "upvotes", draft);
        Long comments = JsonFields.integer(entry, "numComments", draft);
        ParseResult result = draft.finish(context, position, context.sourceRef(), () -> raw);
        out.add(result);
        if (result instanceof ParseResult.ParsedPaper parsed) {
            String key = parsed.paper().getKey();
            Instant observedAt = settings.clock().instant();
            if (upvotes != null) {
                out.add(new ParseResult.ParsedSignal(
                        new EngagementSignal(key, SignalKind.UPVOTE, upvotes, observedAt, SOURCE), position));
            }
            if (comments != null) {
                out.add(new ParseResult.ParsedSignal(
                        new EngagementSignal(key, SignalKind.COMMENT, comments, observedAt, SOURCE), position));
            }
        }
    }

    private static long offset(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getByteOffset());
    }

    private byte[] slice(byte[] bytes, long from, long to) {
        int start = (int) Math.max(0, Math.min(from, bytes.length));
        int end = (int) Math.max(start, Math.min(to, bytes.length));
        int length = Math.min(end - start, settings.maxRawBytes());
        byte[] out = new byte[length];
        System.arraycopy(bytes, start, out, 0, length);
        return out;
    }
}
