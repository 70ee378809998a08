package io.paperwire.notify.delivery.email;

import io.paperwire.notify.delivery.DeliveryKey;
import io.paperwire.notify.delivery.MatchedPaper;
import io.paperwire.notify.delivery.PaperText;
import io.paperwire.notify.delivery.TrendingPaper;
import io.paperwire.notify.delivery.email.MailTemplate.Rendered;
import io.paperwire.notify.delivery.email.MailTemplate.Syntax;
import io.paperwire.schemas.Author;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Keyword;
import io.paperwire.schemas.MatchReason;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperLinks;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.Tag;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders alert mails from the templates of this package: an instant mail for one {@link MatchedPaper}, and a
 * digest mail with the subscriber's matches of a period and the day's trending papers. Input: Avro alerts, papers
 * and the subscription; output: an {@link OutgoingMail} with a plain-text and an HTML part (every paper field
 * HTML-escaped), {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers, and a {@code Message-ID}
 * derived from the alert id (or from subscription and digest period), so a second send of the same alert carries
 * the same id.
 */
public final class AlertMailComposer {

    /** Channel name in ledger keys of instant mails. */
    public static final String CHANNEL = "email";

    private static final int INSTANT_ABSTRACT_CHARS = 600;
    private static final int DIGEST_ABSTRACT_CHARS = 300;
    private static final int MAX_AUTHORS = 10;
    private static final int MAX_KEYPHRASES = 8;
    private static final int MAX_SUBJECT_CHARS = 140;

    private final SmtpSettings settings;
    private final Clock clock;
    private final String messageIdDomain;
    private final Map<String, MailTemplate> templates = new HashMap<>();

    public AlertMailComposer(SmtpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.messageIdDomain = domainOf(settings.fromAddress());
        for (String name : List.of("instant", "digest", "paper", "reason", "link", "nothing")) {
            templates.put(name + ".html", MailTemplate.load(name + ".html", Syntax.HTML));
            templates.put(name + ".txt", MailTemplate.load(name + ".txt", Syntax.TEXT));
        }
    }

    /** The mail for one alert, to the subscription's owner. */
    public OutgoingMail instant(MatchedPaper match, Subscription subscription) {
        requireSameSubscription(match, subscription);
        Paper paper = match.paper().getPaper();
        String subject = oneLine("[paperwire] " + PaperText.displayTitle(paper));
        Map<String, Object> values = footerValues(subscription);
        values.put("subject", subject);
        Map<String, Object> html = new HashMap<>(values);
        html.put("paper", paperBlock(Syntax.HTML, match.paper(), match.alert().getReasons(), INSTANT_ABSTRACT_CHARS));
        Map<String, Object> text = new HashMap<>(values);
        text.put("paper", paperBlock(Syntax.TEXT, match.paper(), match.alert().getReasons(), INSTANT_ABSTRACT_CHARS));
        return mail(DeliveryKey.forAlert(match.alert().getAlertId(), CHANNEL),
                messageId("alert", match.alert().getAlertId()), subscription, subject,
                template("instant.txt").render(text).text(), template("instant.html").render(html).text());
    }

    /**
     * The digest mail of one period.
     *
     * @param subscription the subscriber
     * @param periodId     the period's id, e.g. {@code daily:2025-03-30} (ledger key and Message-ID come from it)
     * @param heading      the heading, e.g. {@code Your paperwire digest for Sunday 30 March 2025}
     * @param matches      the subscriber's matches of the period, in the order to show
     * @param trending     the day's top trending papers, hottest first
     */
    public OutgoingMail digest(Subscription subscription, String periodId, String heading,
                               List<MatchedPaper> matches, List<TrendingPaper> trending) {
        matches.forEach(match -> requireSameSubscription(match, subscription));
        String subject = oneLine("[paperwire] " + subscription.getName() + ": " + matches.size()
                + (matches.size() == 1 ? " match, " : " matches, ") + trending.size() + " trending");
        Map<String, Object> values = footerValues(subscription);
        values.put("subject", subject);
        values.put("heading", heading);
        values.put("matchCount", matches.size());
        values.put("trendingCount", trending.size());
        Map<String, Object> html = new HashMap<>(values);
        html.put("matches", matchBlocks(Syntax.HTML, matches));
        html.put("trending", trendingBlocks(Syntax.HTML, trending));
        Map<String, Object> text = new HashMap<>(values);
        text.put("matches", matchBlocks(Syntax.TEXT, matches));
        text.put("trending", trendingBlocks(Syntax.TEXT, trending));
        return mail(DeliveryKey.forDigest(subscription.getId(), periodId),
                messageId("digest", subscription.getId() + "\n" + periodId), subscription, subject,
                template("digest.txt").render(text).text(), template("digest.html").render(html).text());
    }

    /** The one-click unsubscribe URL of a subscription, carrying its token. */
    public String unsubscribeUrl(Subscription subscription) {
        return settings.baseUrl() + "/unsubscribe?token=" + urlEncode(subscription.getUnsubscribeToken());
    }

    private OutgoingMail mail(DeliveryKey key, String messageId, Subscription subscription, String subject,
                              String text, String html) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl(subscription) + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        return new OutgoingMail(key, messageId, settings.fromAddress(), subscription.getOwnerEmail(), subject, text,
                html, headers, clock.instant());
    }

    private Map<String, Object> footerValues(Subscription subscription) {
        Map<String, Object> values = new HashMap<>();
        values.put("subscriptionName", subscription.getName());
        values.put("query", describeQuery(subscription));
        values.put("unsubscribeUrl", unsubscribeUrl(subscription));
        return values;
    }

    private Rendered matchBlocks(Syntax syntax, List<MatchedPaper> matches) {
        if (matches.isEmpty()) {
            return nothing(syntax, "No new papers matched since the last digest.");
        }
        List<Rendered> blocks = new ArrayList<>();
        for (MatchedPaper match : matches) {
            blocks.add(paperBlock(syntax, match.paper(), match.alert().getReasons(), DIGEST_ABSTRACT_CHARS));
        }
        return Rendered.join(syntax, blocks, "\n");
    }

    private Rendered trendingBlocks(Syntax syntax, List<TrendingPaper> trending) {
        if (trending.isEmpty()) {
            return nothing(syntax, "No trending papers today.");
        }
        List<Rendered> blocks = new ArrayList<>();
        for (TrendingPaper paper : trending) {
            Rendered why = reason(syntax, String.format(Locale.ROOT, "trending today (score %.1f)", paper.score()));
            blocks.add(paperBlock(syntax, paper.paper(), why, DIGEST_ABSTRACT_CHARS));
        }
        return Rendered.join(syntax, blocks, "\n");
    }

    private Rendered nothing(Syntax syntax, String message) {
        return template(syntax == Syntax.HTML ? "nothing.html" : "nothing.txt").render(Map.of("message", message));
    }

    private Rendered paperBlock(Syntax syntax, EnrichedPaper enriched, List<MatchReason> reasons, int abstractChars) {
        List<Rendered> items = new ArrayList<>();
        for (MatchReason reason : reasons) {
            items.add(reason(syntax, PaperText.describe(reason)));
        }
        if (items.isEmpty()) {
            items.add(reason(syntax, "your query matched"));
        }
        return paperBlock(syntax, enriched, Rendered.join(syntax, items, ""), abstractChars);
    }

    private Rendered paperBlock(Syntax syntax, EnrichedPaper enriched, Rendered reasons, int abstractChars) {
        Paper paper = enriched.getPaper();
        String suffix = syntax == Syntax.HTML ? ".html" : ".txt";
        Map<String, Object> values = new HashMap<>();
        values.put("title", PaperText.displayTitle(paper));
        values.put("authors", describeAuthors(paper.getAuthors()));
        values.put("keyphrases", describeKeyphrases(enriched.getKeywords()));
        values.put("tags", describeTags(enriched.getTags()));
        values.put("abstract", PaperText.shorten(paper.getAbstractText(), abstractChars));
        values.put("reasons", reasons);
        values.put("links", links(syntax, paper.getLinks()));
        return template("paper" + suffix).render(values);
    }

    private Rendered reason(Syntax syntax, String description) {
        return template(syntax == Syntax.HTML ? "reason.html" : "reason.txt").render(Map.of("reason", description));
    }

    private Rendered links(Syntax syntax, PaperLinks links) {
        List<Rendered> parts = new ArrayList<>();
        String suffix = syntax == Syntax.HTML ? ".html" : ".txt";
        if (links != null && PaperText.isWebLink(links.getAbstractPage())) {
            parts.add(template("link" + suffix).render(Map.of("url", links.getAbstractPage(), "label", "Abstract")));
        }
        if (links != null && PaperText.isWebLink(links.getPdf())) {
            parts.add(template("link" + suffix).render(Map.of("url", links.getPdf(), "label", "PDF")));
        }
        return Rendered.join(syntax, parts, syntax == Syntax.HTML ? " · " : "");
    }

    private static String describeAuthors(List<Author> authors) {
        if (authors.isEmpty()) {
            return "authors unknown";
        }
        List<String> names = new ArrayList<>();
        for (Author author : authors.subList(0, Math.min(MAX_AUTHORS, authors.size()))) {
            names.add(author.getName());
        }
        String shown = String.join(", ", names);
        return authors.size() > MAX_AUTHORS ? shown + " et al. (" + authors.size() + " authors)" : shown;
    }

    private static String describeKeyphrases(List<Keyword> keywords) {
        if (keywords.isEmpty()) {
            return "none";
        }
        List<String> phrases = new ArrayList<>();
        for (Keyword keyword : keywords.subList(0, Math.min(MAX_KEYPHRASES, keywords.size()))) {
            phrases.add(keyword.getPhrase());
        }
        return String.join(", ", phrases);
    }

    private static String describeTags(List<Tag> tags) {
        if (tags.isEmpty()) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        for (Tag tag : tags) {
            names.add(tag.getLabel() == null || tag.getLabel().isBlank()
                    ? tag.getTag() : tag.getLabel() + " (" + tag.getTag() + ")");
        }
        return String.join(", ", names);
    }

    private static String describeQuery(Subscription subscription) {
        List<String> parts = new ArrayList<>();
        if (subscription.getQuery() != null && !subscription.getQuery().isBlank()) {
            parts.add("query: " + subscription.getQuery());
        }
        if (!subscription.getSimilarTo().isEmpty()) {
            parts.add("similar to " + String.join(", ", subscription.getSimilarTo()));
        }
        return parts.isEmpty() ? "no query" : String.join("; ", parts);
    }

    private String messageId(String kind, String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "<" + kind + "." + HexFormat.of().formatHex(digest, 0, 16) + "@" + messageIdDomain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String domainOf(String fromAddress) {
        try {
            String address = new InternetAddress(fromAddress, true).getAddress();
            int at = address.lastIndexOf('@');
            if (at < 0 || at == address.length() - 1) {
                throw new IllegalArgumentException("the from address '" + fromAddress + "' has no domain");
            }
            return address.substring(at + 1);
        } catch (AddressException e) {
            throw new IllegalArgumentException("the from address '" + fromAddress + "' is not a mail address: "
                    + e.getMessage(), e);
        }
    }

    private static void requireSameSubscription(MatchedPaper match, Subscription subscription) {
        if (!match.alert().getSubscriptionId().equals(subscription.getId())) {
            throw new IllegalArgumentException("alert " + match.alert().getAlertId() + " belongs to subscription "
                    + match.alert().getSubscriptionId() + ", not " + subscription.getId());
        }
    }

    private static String oneLine(String text) {
        String folded = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return PaperText.shorten(folded, MAX_SUBJECT_CHARS);
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private MailTemplate template(String name) {
        return templates.get(name);
    }
}
