package io.paperwire.notify.delivery.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperwire.notify.delivery.MatchedPaper;
import io.paperwire.notify.delivery.PaperText;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.MatchReason;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.Tag;
import java.util.Objects;

/**
 * Turns what the live feed carries into {@link SseEvent}s with one line of JSON: an {@code alert} event per
 * matched paper (id: the alert id) and a {@code paper} event per enriched paper (id: paper key and version).
 */
public final class FeedEvents {

    public static final String ALERT_EVENT = "alert";
    public static final String PAPER_EVENT = "paper";

    private final ObjectMapper json;

    public FeedEvents(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    public SseEvent alert(MatchedPaper match) {
        ObjectNode node = paperNode(match.paper());
        node.put("alertId", match.alert().getAlertId());
        node.put("subscriptionId", match.alert().getSubscriptionId());
        node.put("isUpdate", match.alert().getIsUpdate());
        node.put("matchedAt", match.alert().getMatchedAt().toString());
        var reasons = node.putArray("reasons");
        for (MatchReason reason : match.alert().getReasons()) {
            reasons.addObject().put("kind", reason.getKind().name()).put("detail", reason.getDetail())
                    .put("text", PaperText.describe(reason));
        }
        return new SseEvent(oneLine(match.alert().getAlertId()), ALERT_EVENT, write(node));
    }

    public SseEvent paper(EnrichedPaper enriched) {
        Paper paper = enriched.getPaper();
        return new SseEvent(oneLine(paper.getKey() + "v" + paper.getVersion()), PAPER_EVENT,
                write(paperNode(enriched)));
    }

    private ObjectNode paperNode(EnrichedPaper enriched) {
        Paper paper = enriched.getPaper();
        ObjectNode node = json.createObjectNode();
        node.put("paperKey", paper.getKey());
        node.put("version", paper.getVersion());
        node.put("title", PaperText.displayTitle(paper));
        node.put("abstractUrl", paper.getLinks() == null ? null : paper.getLinks().getAbstractPage());
        node.put("pdfUrl", paper.getLinks() == null ? null : paper.getLinks().getPdf());
        node.put("trendingScore", enriched.getTrendingScore());
        var tags = node.putArray("tags");
        for (Tag tag : enriched.getTags()) {
            tags.add(tag.getTag());
        }
        return node;
    }

    private String write(ObjectNode node) {
        try {
            // Jackson escapes line breaks inside strings, so the JSON is one line: one data: line per event.
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a feed event", e);
        }
    }

    private static String oneLine(String id) {
        return id.replaceAll("[\\r\\n\\u0000]", " ");
    }
}
