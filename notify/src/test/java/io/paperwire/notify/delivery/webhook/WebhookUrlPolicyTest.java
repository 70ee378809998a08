package io.paperwire.notify.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.notify.delivery.webhook.WebhookUrlPolicy.AddressClass;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookUrlPolicyTest {

    /** A resolver with fixed answers, so tests do not depend on DNS. */
    private static final WebhookUrlPolicy.HostResolver FIXED = host -> {
        Map<String, String> answers = Map.of(
                "hooks.example.org", "93.184.216.34",
                "intranet.example.org", "10.1.2.3",
                "cgnat.example.org", "100.64.0.7",
                "metadata.example.org", "169.254.169.254",
                "ula.example.org", "fd12:3456:789a::1",
                "nothing.example.org", "0.0.0.0");
        String answer = answers.get(host);
        if (answer == null) {
            if (!host.matches("[0-9a-fA-F.:]+")) {
                throw new UnknownHostException(host);
            }
            return InetAddress.getAllByName(host); // an IP literal: parsed, no DNS lookup
        }
        return new InetAddress[] {InetAddress.getByName(answer)};
    };

    private static WebhookUrlPolicy allowing(AddressClass... classes) {
        EnumSet<AddressClass> allowed = EnumSet.noneOf(AddressClass.class);
        allowed.addAll(java.util.List.of(classes));
        return new WebhookUrlPolicy(allowed, FIXED);
    }

    @Test
    void shouldAcceptAPublicHttpsUrl() {
        assertThat(allowing().check("https://hooks.example.org/paperwire").getHost()).isEqualTo("hooks.example.org");
    }

    @Test
    void shouldRefuseLoopbackPrivateAndLinkLocalAddressesNamingTheSetting() {
        assertThatThrownBy(() -> allowing().check("http://127.0.0.1:8080/hook"))
                .isInstanceOf(WebhookUrlRefusedException.class)
                .hasMessage("the webhook host '127.0.0.1' resolves to the loopback address 127.0.0.1; refused unless "
                        + "webhook.allow.addresses includes loopback");
        assertThatThrownBy(() -> allowing().check("http://[::1]/hook")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> allowing().check("https://intranet.example.org/hook"))
                .hasMessageContaining("private address 10.1.2.3");
        assertThatThrownBy(() -> allowing().check("https://cgnat.example.org/hook")).hasMessageContaining("private");
        assertThatThrownBy(() -> allowing().check("https://ula.example.org/hook")).hasMessageContaining("private");
        assertThatThrownBy(() -> allowing().check("http://metadata.example.org/latest"))
                .hasMessageContaining("link-local address 169.254.169.254");
        assertThatThrownBy(() -> allowing(AddressClass.values()).check("http://nothing.example.org/"))
                .hasMessageContaining("never a valid webhook target");
    }

    @Test
    void shouldAllowWhatConfigurationAllows() {
        assertThat(allowing(AddressClass.LOOPBACK).check("http://127.0.0.1:8080/hook")).isNotNull();
        assertThat(allowing(AddressClass.PRIVATE).check("https://intranet.example.org/hook")).isNotNull();
        assertThatThrownBy(() -> allowing(AddressClass.PRIVATE).check("http://metadata.example.org/"))
                .hasMessageContaining("link-local");
    }

    @Test
    void shouldRefuseOtherSchemesMissingHostsCredentialsAndUnknownHosts() {
        assertThatThrownBy(() -> allowing().check("ftp://hooks.example.org/x")).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> allowing().check("file:///etc/passwd")).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> allowing().check("https:///nohost")).hasMessageContaining("no host");
        assertThatThrownBy(() -> allowing().check("https://user:pw@hooks.example.org/x")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> allowing().check("https://unknown.example.org/x")).hasMessageContaining("does not resolve");
        assertThatThrownBy(() -> allowing().check("not a url")).isInstanceOf(WebhookUrlRefusedException.class);
        assertThatThrownBy(() -> allowing().check(" ")).hasMessageContaining("empty");
    }

    @Test
    void shouldReadTheAllowSetting() throws UnknownHostException {
        assertThat(WebhookUrlPolicy.fromSetting("loopback").check("http://127.0.0.1:9/x")).isNotNull();
        assertThatThrownBy(() -> WebhookUrlPolicy.fromSetting("loopback, intranet"))
                .hasMessageContaining("webhook.allow.addresses").hasMessageContaining("intranet");
        assertThatThrownBy(() -> WebhookUrlPolicy.fromSetting("").check("http://127.0.0.1:9/x"))
                .hasMessageContaining("loopback");
    }
}
