package io.paperwire.notify.delivery.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Makes the unguessable token a subscription carries for one-click unsubscribe ({@code Subscription.unsubscribeToken}):
 * 256 random bits from a {@link SecureRandom}, URL-safe Base64 without padding (43 characters), and compares a
 * presented token in constant time.
 */
public final class UnsubscribeTokens {

    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random;

    public UnsubscribeTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A fresh token. */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when {@code presented} equals {@code expected}, in time that does not depend on where they differ. */
    public static boolean matches(String expected, String presented) {
        if (expected == null || presented == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
