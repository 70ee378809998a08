package io.paperwire.notify.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.paperwire.notify.matching.QueryValidationException;
import io.paperwire.notify.matching.SubscriptionQuery;
import io.paperwire.schemas.DigestSchedule;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import io.paperwire.schemas.WebhookTarget;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A subscription as the REST API reads and writes it (JSON), and its mapping to and from the Avro
 * {@link Subscription} on the {@code subscriptions} topic.
 *
 * <p>In: a JSON body ({@link #parse(byte[])}). Out: a validated Avro record ({@link #toSubscription}) or a
 * {@link ValidationException} naming the field at fault. The reverse, {@link #from(Subscription)}, never shows the
 * webhook secret or the unsubscribe token.
 *
 * @param ownerEmail          owner's email address, required
 * @param name                a name the owner chooses, required
 * @param query               Lucene query over title, abstract, keywords, tags, authors, categories
 * @param similarTo           seed paper keys for "more like these papers"
 * @param similarityThreshold minimum similarity to a seed, in (0, 1]
 * @param minTrendingScore    only papers at least this trending match
 * @param channels            how to deliver; absent: the feed only
 * @param notifyNewVersions   also alert (marked as update) on a new version of an alerted paper
 * @param status              ACTIVE (default), PAUSED or UNSUBSCRIBED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionRequest(String ownerEmail, String name, String query, List<String> similarTo,
                                  Double similarityThreshold, Double minTrendingScore, Channels channels,
                                  Boolean notifyNewVersions, String status) {

    /** Longest name accepted. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Most seed papers accepted. */
    public static final int MAX_SEEDS = 50;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");
    private static final Pattern HOURS_MINUTES = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");

    /**
     * The delivery channels.
     *
     * @param emailInstant  a mail per match as it happens
     * @param dailyDigest   a daily digest at a local time
     * @param weeklyDigest  a weekly digest on a day at a local time
     * @param webhook       a webhook endpoint
     * @param feed          Atom and SSE feeds (default true)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Channels(Boolean emailInstant, Digest dailyDigest, Digest weeklyDigest, Webhook webhook,
                           Boolean feed) {
    }

    /**
     * When a digest is due.
     *
     * @param time      local time of day, HH:MM
     * @param timeZone  IANA time zone, e.g. Europe/Berlin
     * @param dayOfWeek MONDAY..SUNDAY, weekly digests only
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Digest(String time, String timeZone, String dayOfWeek) {
    }

    /**
     * A webhook endpoint.
     *
     * @param url    http or https URL
     * @param secret HMAC secret; on update, absent keeps the stored one; never shown in responses
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Webhook(String url, String secret) {
    }

    /**
     * Reads a JSON body.
     *
     * @throws ValidationException when it is not a JSON object of this shape (an unknown field is named)
     */
    public static SubscriptionRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ValidationException(null, "the request body is empty; send a subscription as JSON");
        }
        try {
            SubscriptionRequest request = JSON.readValue(body, SubscriptionRequest.class);
            if (request == null) {
                throw new ValidationException(null, "the request body must be a JSON object");
            }
            return request;
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw new ValidationException(field, "unknown field '" + field + "' (known: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ")");
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new ValidationException(field.isEmpty() ? null : field,
                    (field.isEmpty() ? "the body" : "field '" + field + "'") + " has the wrong type: "
                            + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ValidationException(null, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ValidationException(null, "the body cannot be read: " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The request of a stored subscription, for responses: no webhook secret, no unsubscribe token. */
    public static SubscriptionRequest from(Subscription s) {
        WebhookTarget webhook = s.getWebhook();
        return new SubscriptionRequest(s.getOwnerEmail(), s.getName(), s.getQuery(), List.copyOf(s.getSimilarTo()),
                s.getSimilarityThreshold(), s.getMinTrendingScore(),
                new Channels(s.getEmailInstant(), digest(s.getDailyDigest()), digest(s.getWeeklyDigest()),
                        webhook == null ? null : new Webhook(webhook.getUrl(), null), s.getFeed()),
                s.getNotifyNewVersions(), s.getStatus().name());
    }

    private static Digest digest(DigestSchedule schedule) {
        return schedule == null ? null
                : new Digest(schedule.getTime(), schedule.getTimeZone(), schedule.getDayOfWeek());
    }

    /** The JSON form. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a subscription as JSON", e);
        }
    }

    /**
     * Validates this request and builds the record to store.
     *
     * @param id               the subscription id
     * @param unsubscribeToken its one-click unsubscribe token
     * @param previous         the stored version when this is an update (its webhook secret and creation time
     *                         are kept), or null
     * @param now              the time of the write
     * @throws ValidationException naming the first field at fault
     */
    public Subscription toSubscription(String id, String unsubscribeToken, Subscription previous, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unsubscribeToken, "unsubscribeToken");
        String email = required("ownerEmail", ownerEmail);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new ValidationException("ownerEmail", "ownerEmail is not an email address");
        }
        String validName = required("name", name);
        if (validName.length() > MAX_NAME_LENGTH) {
            throw new ValidationException("name", "name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        String validQuery = query == null || query.isBlank() ? null : query.strip();
        if (validQuery != null) {
            try {
                SubscriptionQuery.parse(validQuery);
            } catch (QueryValidationException e) {
                throw new ValidationException("query", "query: " + e.getMessage());
            }
        }
        List<String> seeds = seeds();
        if (validQuery == null && seeds.isEmpty()) {
            throw new ValidationException("query", "a subscription needs a query or seed papers in similarTo");
        }
        if (similarityThreshold != null
                && (similarityThreshold.isNaN() || similarityThreshold <= 0 || similarityThreshold > 1)) {
            throw new ValidationException("similarityThreshold", "similarityThreshold must be in (0, 1], was "
                    + similarityThreshold);
        }
        if (minTrendingScore != null && (minTrendingScore.isNaN() || minTrendingScore < 0)) {
            throw new ValidationException("minTrendingScore", "minTrendingScore must be 0 or more, was "
                    + minTrendingScore);
        }
        Channels c = channels == null ? new Channels(null, null, null, null, null) : channels;
        return Subscription.newBuilder()
                .setId(id)
                .setOwnerEmail(email)
                .setName(validName)
                .setQuery(validQuery)
                .setSimilarTo(seeds)
                .setSimilarityThreshold(seeds.isEmpty() ? null : similarityThreshold)
                .setMinTrendingScore(minTrendingScore)
                .setEmailInstant(Boolean.TRUE.equals(c.emailInstant()))
                .setDailyDigest(schedule("channels.dailyDigest", c.dailyDigest(), false))
                .setWeeklyDigest(schedule("channels.weeklyDigest", c.weeklyDigest(), true))
                .setWebhook(webhook(c.webhook(), previous == null ? null : previous.getWebhook()))
                .setFeed(c.feed() == null || c.feed())
                .setNotifyNewVersions(Boolean.TRUE.equals(notifyNewVersions))
                .setStatus(validStatus())
                .setUnsubscribeToken(unsubscribeToken)
                .setCreatedAt(previous == null ? now : previous.getCreatedAt())
                .setUpdatedAt(now)
                .build();
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, field + " is required");
        }
        return value.strip();
    }

    private List<String> seeds() {
        if (similarTo == null) {
            return List.of();
        }
        if (similarTo.size() > MAX_SEEDS) {
            throw new ValidationException("similarTo", "similarTo holds more than " + MAX_SEEDS + " papers");
        }
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < similarTo.size(); i++) {
            String key = similarTo.get(i);
            if (key == null || key.isBlank()) {
                throw new ValidationException("similarTo[" + i + "]", "similarTo[" + i + "] is empty");
            }
            if (!seeds.contains(key.strip())) {
                seeds.add(key.strip());
            }
        }
        return seeds;
    }

    private static DigestSchedule schedule(String field, Digest digest, boolean weekly) {
        if (digest == null) {
            return null;
        }
        String time = required(field + ".time", digest.time());
        if (!HOURS_MINUTES.matcher(time).matches()) {
            throw new ValidationException(field + ".time", field + ".time must be HH:MM (00:00 to 23:59), was '"
                    + time + "'");
        }
        String zone = required(field + ".timeZone", digest.timeZone());
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new ValidationException(field + ".timeZone", field + ".timeZone is not an IANA time zone such "
                    + "as Europe/Berlin: '" + zone + "'");
        }
        String day = null;
        if (weekly) {
            String given = required(field + ".dayOfWeek", digest.dayOfWeek());
            try {
                day = DayOfWeek.valueOf(given.toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw new ValidationException(field + ".dayOfWeek", field + ".dayOfWeek must be MONDAY..SUNDAY, "
                        + "was '" + given + "'");
            }
        } else if (digest.dayOfWeek() != null) {
            throw new ValidationException(field + ".dayOfWeek", field + ".dayOfWeek is only for weekly digests");
        }
        return DigestSchedule.newBuilder().setTime(time).setTimeZone(zone).setDayOfWeek(day).build();
    }

    private static WebhookTarget webhook(Webhook webhook, WebhookTarget previous) {
        if (webhook == null) {
            return null;
        }
        String field = "channels.webhook.url";
        String url = required(field, webhook.url());
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new ValidationException(field, field + " must be an http or https URL");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new ValidationException(field, field + " has no host");
            }
        } catch (URISyntaxException e) {
            throw new ValidationException(field, field + " is not a URL: " + e.getReason());
        }
        String secret = webhook.secret();
        if (secret == null && previous != null) {
            secret = previous.getSecret();
        }
        if (secret == null || secret.length() < 16) {
            throw new ValidationException("channels.webhook.secret",
                    "channels.webhook.secret is required, at least 16 characters");
        }
        return WebhookTarget.newBuilder().setUrl(url).setSecret(secret).build();
    }

    private SubscriptionStatus validStatus() {
        if (status == null) {
            return SubscriptionStatus.ACTIVE;
        }
        try {
            return SubscriptionStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("status", "status must be ACTIVE, PAUSED or UNSUBSCRIBED, was '"
                    + status + "'");
        }
    }
}
