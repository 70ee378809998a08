package io.paperwire.notify.delivery.email;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * How mail leaves paperwire: the SMTP server (none when {@code host} is blank: mails are then written as
 * {@code .eml} files), the sender address, and the public base URL that links in mails (unsubscribe) start with.
 *
 * @param host          SMTP host; blank means no SMTP server is configured
 * @param port          SMTP port (587 for submission with STARTTLS, 25, 465 is not supported: use STARTTLS)
 * @param username      SMTP user, blank for none
 * @param password      SMTP password, blank for none
 * @param startTls      require STARTTLS before authenticating
 * @param fromAddress   the {@code From} address, e.g. {@code paperwire <alerts@example.org>}
 * @param publicBaseUrl where paperwire's HTTP server is reached from outside, e.g. {@code https://paperwire.example.org}
 * @param timeout       connect, read and write timeout of the SMTP connection
 */
public record SmtpSettings(String host, int port, String username, String password, boolean startTls,
                           String fromAddress, URI publicBaseUrl, Duration timeout) {

    public static final String HOST = "mail.smtp.host";
    public static final String PORT = "mail.smtp.port";
    public static final String USERNAME = "mail.smtp.username";
    public static final String PASSWORD = "mail.smtp.password";
    public static final String STARTTLS = "mail.smtp.starttls";
    public static final String TIMEOUT = "mail.smtp.timeout";
    public static final String FROM = "mail.from";
    public static final String PUBLIC_BASE_URL = "public.base.url";

    public SmtpSettings {
        host = host == null ? "" : host.strip();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(PORT + " must be within 1..65535, got " + port);
        }
        if (fromAddress.isBlank()) {
            throw new IllegalArgumentException(FROM + " must not be blank");
        }
        String scheme = publicBaseUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException(PUBLIC_BASE_URL + " must be an http or https URL, got '"
                    + publicBaseUrl + "'");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(TIMEOUT + " must be positive, got " + timeout);
        }
    }

    /** No SMTP server: mails go to {@code .eml} files. */
    public static SmtpSettings unconfigured(String fromAddress, URI publicBaseUrl) {
        return new SmtpSettings("", 587, "", "", true, fromAddress, publicBaseUrl, Duration.ofSeconds(10));
    }

    /**
     * Reads {@value #HOST} (default empty: no SMTP), {@value #PORT} (587), {@value #USERNAME}, {@value #PASSWORD},
     * {@value #STARTTLS} (true), {@value #TIMEOUT} (PT10S), {@value #FROM} ({@code paperwire <alerts@localhost>})
     * and {@value #PUBLIC_BASE_URL} ({@code http://localhost:8080}).
     */
    public static SmtpSettings fromProperties(Properties properties) {
        String port = properties.getProperty(PORT, "587").strip();
        String timeout = properties.getProperty(TIMEOUT, "PT10S").strip();
        String baseUrl = properties.getProperty(PUBLIC_BASE_URL, "http://localhost:8080").strip();
        try {
            return new SmtpSettings(properties.getProperty(HOST, ""), Integer.parseInt(port),
                    properties.getProperty(USERNAME, ""), properties.getProperty(PASSWORD, ""),
                    Boolean.parseBoolean(properties.getProperty(STARTTLS, "true").strip()),
                    properties.getProperty(FROM, "paperwire <alerts@localhost>"),
                    URI.create(baseUrl), Duration.parse(timeout));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT + " must be a number, got '" + port + "'", e);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(TIMEOUT + " must be an ISO-8601 duration such as PT10S, got '"
                    + timeout + "'", e);
        }
    }

    /** True when an SMTP host is set. */
    public boolean smtpConfigured() {
        return !host.isEmpty();
    }

    /** The base URL without a trailing slash, for building links. */
    public String baseUrl() {
        String url = publicBaseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : "***") + ", startTls=" + startTls + ", fromAddress=" + fromAddress
                + ", publicBaseUrl=" + publicBaseUrl + ", timeout=" + timeout + "]";
    }
}
