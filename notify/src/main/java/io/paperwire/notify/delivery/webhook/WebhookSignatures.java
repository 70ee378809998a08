package io.paperwire.notify.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature scheme, for senders and receivers: {@code X-Paperwire-Signature: sha256=<hex>} where
 * {@code <hex>} is the lower-case hex HMAC-SHA256, keyed with the subscription's secret (UTF-8), of the
 * {@code X-Paperwire-Timestamp} value (Unix seconds), a dot, and the raw request body. A receiver recomputes it,
 * compares in constant time, and refuses timestamps too far from its clock (replays).
 */
public final class WebhookSignatures {

    public static final String SIGNATURE_HEADER = "X-Paperwire-Signature";
    public static final String TIMESTAMP_HEADER = "X-Paperwire-Timestamp";
    public static final String DELIVERY_HEADER = "X-Paperwire-Delivery";
    public static final String EVENT_HEADER = "X-Paperwire-Event";
    private static final String PREFIX = "sha256=";

    private WebhookSignatures() {
    }

    /** The signature header value for {@code body} sent at {@code timestamp} (Unix seconds as a string). */
    public static String sign(String secret, String timestamp, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    /**
     * True when {@code signatureHeader} is the signature of {@code body} at {@code timestampHeader} under
     * {@code secret}, and the timestamp is within {@code tolerance} of {@code now}.
     */
    public static boolean verify(String secret, String timestampHeader, byte[] body, String signatureHeader,
                                 Instant now, Duration tolerance) {
        if (secret == null || timestampHeader == null || signatureHeader == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        if (!signatureHeader.startsWith(PREFIX)) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signatureHeader.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, timestampHeader.strip(), body), presented);
    }

    private static byte[] hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK; key rejected: " + e.getMessage(), e);
        }
    }
}
