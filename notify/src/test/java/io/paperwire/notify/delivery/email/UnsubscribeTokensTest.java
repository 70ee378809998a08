package io.paperwire.notify.delivery.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    @Test
    void shouldMakeUrlSafeTokensOfAtLeast128Bits() {
        UnsubscribeTokens tokens = new UnsubscribeTokens(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = tokens.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(token).length * 8).isGreaterThanOrEqualTo(128);
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void shouldMatchOnlyTheSameToken() {
        String token = new UnsubscribeTokens(new SecureRandom()).newToken();
        assertThat(UnsubscribeTokens.matches(token, token)).isTrue();
        assertThat(UnsubscribeTokens.matches(token, token.substring(1))).isFalse();
        assertThat(UnsubscribeTokens.matches(token, null)).isFalse();
        assertThat(UnsubscribeTokens.matches("", "")).isFalse();
    }
}
