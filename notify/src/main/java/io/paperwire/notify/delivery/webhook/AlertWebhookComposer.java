package io.paperwire.notify.delivery.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperwire.notify.delivery.DeliveryKey;
import io.paperwire.notify.delivery.MatchedPaper;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.MatchReason;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.WebhookTarget;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Turns an alert into the webhook request of its subscription. Input: a {@link MatchedPaper} and the
 * {@link Subscription} with a {@link WebhookTarget}; output: a {@link WebhookRequest} whose JSON body carries
 * {@code deliveryId, alertId, subscriptionId, paperKey, paperVersion, title, links{abstract,pdf}, reasons[],
 * isUpdate, trendingScore, matchedAt} and whose delivery id is derived from the alert id, so a resend carries the
 * same one.
 */
public final class AlertWebhookComposer {

    /** Channel name in ledger keys. */
    public static final String CHANNEL = "webhook";
    public static final String ALERT_EVENT = "alert";

    private final ObjectMapper json;

    public AlertWebhookComposer(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The request for {@code match}; the subscription must have a webhook. */
    public WebhookRequest request(MatchedPaper match, Subscription subscription) {
        Alert alert = match.alert();
        WebhookTarget target = subscription.getWebhook();
        if (target == null) {
            throw new IllegalArgumentException("subscription " + subscription.getId() + " has no webhook");
        }
        if (!alert.getSubscriptionId().equals(subscription.getId())) {
            throw new IllegalArgumentException("alert " + alert.getAlertId() + " belongs to subscription "
                    + alert.getSubscriptionId() + ", not " + subscription.getId());
        }
        String deliveryId = deliveryIdOf(alert.getAlertId());
        Paper paper = match.paper().getPaper();
        ObjectNode body = json.createObjectNode();
        body.put("deliveryId", deliveryId);
        body.put("event", ALERT_EVENT);
        body.put("alertId", alert.getAlertId());
        body.put("subscriptionId", alert.getSubscriptionId());
        body.put("paperKey", alert.getPaperKey());
        body.put("paperVersion", alert.getPaperVersion());
        body.put("title", alert.getTitle());
        ObjectNode links = body.putObject("links");
        links.put("abstract", paper.getLinks() == null ? null : paper.getLinks().getAbstractPage());
        links.put("pdf", paper.getLinks() == null ? null : paper.getLinks().getPdf());
        ArrayNode reasons = body.putArray("reasons");
        for (MatchReason reason : alert.getReasons()) {
            ObjectNode node = reasons.addObject();
            node.put("kind", reason.getKind().name());
            node.put("field", reason.getField());
            node.put("detail", reason.getDetail());
            if (reason.getScore() != null) {
                node.put("score", reason.getScore());
            } else {
                node.putNull("score");
            }
        }
        body.put("isUpdate", alert.getIsUpdate());
        body.put("trendingScore", alert.getTrendingScore());
        body.put("matchedAt", alert.getMatchedAt().toString());
        try {
            return new WebhookRequest(DeliveryKey.forAlert(alert.getAlertId(), CHANNEL), deliveryId, ALERT_EVENT,
                    target.getUrl(), target.getSecret(), json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook body of " + alert.getAlertId(), e);
        }
    }

    /** The delivery id of an alert: {@code whd_} and 32 hex digits of SHA-256 of the alert id. */
    public static String deliveryIdOf(String alertId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(alertId.getBytes(StandardCharsets.UTF_8));
            return "whd_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
