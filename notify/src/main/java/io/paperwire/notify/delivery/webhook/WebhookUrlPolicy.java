package io.paperwire.notify.delivery.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether paperwire may POST to a webhook URL: the scheme must be http or https with a host, and every
 * address the host resolves to must be public, unless its class is allowed by configuration
 * ({@value #ALLOW_SETTING}: {@code loopback}, {@code private}, {@code link-local}). The unspecified address
 * ({@code 0.0.0.0}, {@code ::}) and multicast addresses are always refused. Checked when a subscription is
 * written and again before each delivery (the host may resolve elsewhere by then).
 */
public final class WebhookUrlPolicy {

    /** Setting naming the special address classes that are allowed, comma-separated. */
    public static final String ALLOW_SETTING = "webhook.allow.addresses";

    /** Classes of addresses that are refused unless allowed. */
    public enum AddressClass {
        /** 127.0.0.0/8, ::1. */
        LOOPBACK("loopback"),
        /** 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), fc00::/7, fec0::/10. */
        PRIVATE("private"),
        /** 169.254/16 (cloud metadata lives here), fe80::/10. */
        LINK_LOCAL("link-local");

        private final String settingValue;

        AddressClass(String settingValue) {
            this.settingValue = settingValue;
        }

        public String settingValue() {
            return settingValue;
        }

        static AddressClass parse(String value) {
            for (AddressClass c : values()) {
                if (c.settingValue.equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return c;
                }
            }
            throw new IllegalArgumentException(ALLOW_SETTING + " takes loopback, private and link-local, got '"
                    + value.strip() + "'");
        }
    }

    /** Resolves a host name to its addresses; {@code InetAddress::getAllByName} in production. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<AddressClass> allowed;
    private final HostResolver resolver;

    public WebhookUrlPolicy(Set<AddressClass> allowed, HostResolver resolver) {
        this.allowed = allowed.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(allowed));
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Public addresses only, resolved by the system resolver. */
    public static WebhookUrlPolicy publicOnly() {
        return new WebhookUrlPolicy(EnumSet.noneOf(AddressClass.class), InetAddress::getAllByName);
    }

    /** From the {@value #ALLOW_SETTING} value (blank: public only), resolved by the system resolver. */
    public static WebhookUrlPolicy fromSetting(String allowList) {
        EnumSet<AddressClass> allowed = EnumSet.noneOf(AddressClass.class);
        if (allowList != null) {
            for (String part : allowList.split(",")) {
                if (!part.isBlank()) {
                    allowed.add(AddressClass.parse(part));
                }
            }
        }
        return new WebhookUrlPolicy(allowed, InetAddress::getAllByName);
    }

    /**
     * Returns the URL as a URI when paperwire may POST to it.
     *
     * @throws WebhookUrlRefusedException saying what is wrong: syntax, scheme, unknown host, or the address and
     *                                    which setting would allow it
     */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new WebhookUrlRefusedException("the webhook URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new WebhookUrlRefusedException("the webhook URL '" + url + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new WebhookUrlRefusedException("the webhook URL '" + url + "' must start with http:// or https://");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new WebhookUrlRefusedException("the webhook URL '" + url + "' has no host");
        }
        if (uri.getUserInfo() != null) {
            throw new WebhookUrlRefusedException("the webhook URL '" + url
                    + "' must not carry credentials; the signature authenticates paperwire");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new WebhookUrlRefusedException("the webhook host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
                throw new WebhookUrlRefusedException("the webhook host '" + host + "' resolves to "
                        + address.getHostAddress() + ", which is never a valid webhook target");
            }
            AddressClass special = classify(address);
            if (special != null && !allowed.contains(special)) {
                throw new WebhookUrlRefusedException("the webhook host '" + host + "' resolves to the "
                        + special.settingValue() + " address " + address.getHostAddress()
                        + "; refused unless " + ALLOW_SETTING + " includes " + special.settingValue());
            }
        }
        return uri;
    }

    /** The special class of an address, or null for a public one. */
    static AddressClass classify(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return AddressClass.LOOPBACK;
        }
        if (address.isLinkLocalAddress()) {
            return AddressClass.LINK_LOCAL;
        }
        if (address.isSiteLocalAddress()) {
            return AddressClass.PRIVATE;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) {
                return AddressClass.PRIVATE;
            }
        } else if (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc) {
            return AddressClass.PRIVATE;
        }
        return null;
    }
}
