package io.paperwire.notify.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.paperwire.notify.delivery.email.HtmlText;
import io.paperwire.notify.delivery.email.UnsubscribeTokens;
import io.paperwire.notify.subscriptions.SubscriptionRequest;
import io.paperwire.notify.subscriptions.SubscriptionStore;
import io.paperwire.notify.subscriptions.SubscriptionWriteException;
import io.paperwire.notify.subscriptions.ValidationException;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions REST API over a {@link SubscriptionStore}: {@code POST /api/subscriptions} (201),
 * {@code GET /api/subscriptions[?owner=]}, {@code GET|PUT|DELETE /api/subscriptions/{id}}, and the one-click
 * unsubscribe page {@code /unsubscribe?token=} (GET shows a confirmation form, POST unsubscribes, as RFC 8058 asks
 * so that link scanners fetching the URL unsubscribe no one).
 *
 * <p>Reads and writes need {@code Authorization: Bearer <api token>} (subscriptions hold email addresses);
 * errors are JSON {@code {"error", "field"}}. A write
 * answers after the record is on the topic and in the store's view.
 */
public final class SubscriptionsApi {

    /** Path of the JSON API. */
    public static final String API_PATH = "/api/subscriptions";
    /** Path of the unsubscribe page. */
    public static final String UNSUBSCRIBE_PATH = "/unsubscribe";

    private static final Logger log = LoggerFactory.getLogger(SubscriptionsApi.class);
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    private static final int ID_BYTES = 12;

    private final SubscriptionStore store;
    private final byte[] apiToken;
    private final UnsubscribeTokens tokens;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param store    the subscriptions
     * @param apiToken the bearer token reads and writes need; empty refuses every request
     * @param random   source of ids and unsubscribe tokens
     * @param clock    creation and update times
     */
    public SubscriptionsApi(SubscriptionStore store, String apiToken, SecureRandom random, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.apiToken = Objects.requireNonNull(apiToken, "apiToken").getBytes(StandardCharsets.UTF_8);
        this.random = Objects.requireNonNull(random, "random");
        this.tokens = new UnsubscribeTokens(random);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Registers the API and the unsubscribe page on {@code server}. */
    public void registerOn(NotifyHttpServer server) {
        server.register(API_PATH, apiHandler());
        server.register(UNSUBSCRIBE_PATH, unsubscribeHandler());
    }

    /** The handler of {@value #API_PATH}. */
    public HttpHandler apiHandler() {
        return exchange -> handle(exchange, this::api);
    }

    /** The handler of {@value #UNSUBSCRIBE_PATH}. */
    public HttpHandler unsubscribeHandler() {
        return exchange -> handle(exchange, this::unsubscribe);
    }

    private interface Route {
        void serve(JsonExchange exchange) throws IOException;
    }

    private static void handle(HttpExchange raw, Route route) throws IOException {
        JsonExchange exchange = new JsonExchange(raw);
        try {
            route.serve(exchange);
        } catch (ApiError e) {
            exchange.sendError(e);
        } catch (ValidationException e) {
            exchange.sendError(new ApiError(400, e.getMessage(), e.field()));
        } catch (SubscriptionWriteException e) {
            log.error("subscription write failed", e);
            exchange.sendError(new ApiError(503, "the subscription could not be stored now; try again"));
        } catch (RuntimeException e) {
            log.error("{} {} failed", exchange.method(), exchange.path(), e);
            exchange.sendError(new ApiError(500, "internal error"));
        } finally {
            raw.close();
        }
    }

    private void api(JsonExchange exchange) throws IOException {
        String path = exchange.path();
        String rest = path.length() <= API_PATH.length() ? "" : path.substring(API_PATH.length());
        if (rest.isEmpty() || rest.equals("/")) {
            switch (exchange.method()) {
                case "GET" -> {
                    authorize(exchange); // the list holds subscribers' email addresses
                    list(exchange);
                }
                case "POST" -> create(exchange);
                default -> throw methodNotAllowed(exchange, "GET, POST");
            }
            return;
        }
        String id = rest.substring(1);
        if (!rest.startsWith("/") || !ID.matcher(id).matches()) {
            throw new ApiError(404, "no such resource");
        }
        switch (exchange.method()) {
            case "GET" -> {
                authorize(exchange);
                exchange.sendJson(200, view(existing(id)));
            }
            case "PUT" -> update(exchange, id);
            case "DELETE" -> delete(exchange, id);
            default -> throw methodNotAllowed(exchange, "GET, PUT, DELETE");
        }
    }

    private static ApiError methodNotAllowed(JsonExchange exchange, String allowed) {
        exchange.setHeader("Allow", allowed);
        return new ApiError(405, "method " + exchange.method() + " is not allowed here (allowed: " + allowed + ")");
    }

    private void list(JsonExchange exchange) throws IOException {
        String owner = exchange.queryParameters().get("owner");
        List<Map<String, Object>> views = store.all().stream()
                .filter(s -> owner == null || s.getOwnerEmail().equalsIgnoreCase(owner))
                .map(SubscriptionsApi::view)
                .toList();
        exchange.sendJson(200, Map.of("subscriptions", views));
    }

    private void create(JsonExchange exchange) throws IOException {
        authorize(exchange);
        exchange.requireJsonBody();
        SubscriptionRequest request = SubscriptionRequest.parse(exchange.body());
        Subscription subscription = request.toSubscription(newId(), tokens.newToken(), null, clock.instant());
        store.put(subscription);
        exchange.setHeader("Location", API_PATH + "/" + subscription.getId());
        exchange.sendJson(201, view(subscription));
    }

    private void update(JsonExchange exchange, String id) throws IOException {
        authorize(exchange);
        exchange.requireJsonBody();
        Subscription previous = existing(id);
        SubscriptionRequest request = SubscriptionRequest.parse(exchange.body());
        Subscription subscription = request.toSubscription(id, previous.getUnsubscribeToken(), previous,
                clock.instant());
        store.put(subscription);
        exchange.sendJson(200, view(subscription));
    }

    private void delete(JsonExchange exchange, String id) throws IOException {
        authorize(exchange);
        existing(id);
        store.delete(id);
        exchange.sendEmpty(204);
    }

    private Subscription existing(String id) {
        return store.get(id).orElseThrow(() -> new ApiError(404, "no subscription " + id, "id"));
    }

    private void authorize(JsonExchange exchange) {
        String header = exchange.header("Authorization");
        String prefix = "Bearer ";
        boolean ok = apiToken.length > 0 && header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())
                && MessageDigest.isEqual(apiToken,
                header.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            throw new ApiError(401, "the subscriptions API needs the header Authorization: Bearer <api token>");
        }
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, Object> view(Subscription s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", s.getId());
        view.put("subscription", SubscriptionRequest.from(s));
        view.put("createdAt", s.getCreatedAt().toString());
        view.put("updatedAt", s.getUpdatedAt().toString());
        return view;
    }

    private void unsubscribe(JsonExchange exchange) throws IOException {
        String token = exchange.queryParameters().get("token");
        Subscription subscription = token == null || token.isEmpty() ? null
                : store.findByUnsubscribeToken(token).orElse(null);
        switch (exchange.method()) {
            case "GET" -> {
                if (subscription == null) {
                    page(exchange, 404, "Unknown link", "<p>This unsubscribe link is not valid (any more).</p>");
                    return;
                }
                page(exchange, 200, "Unsubscribe",
                        "<p>Stop alerts of &ldquo;" + HtmlText.escape(subscription.getName()) + "&rdquo;?</p>"
                                + "<form method=\"post\" action=\"" + UNSUBSCRIBE_PATH + "?token="
                                + HtmlText.escape(URLEncoder.encode(token, StandardCharsets.UTF_8))
                                + "\"><button type=\"submit\">Unsubscribe</button></form>");
            }
            case "POST" -> {
                if (subscription == null) {
                    page(exchange, 404, "Unknown link", "<p>This unsubscribe link is not valid (any more).</p>");
                    return;
                }
                if (subscription.getStatus() != SubscriptionStatus.UNSUBSCRIBED) {
                    Instant now = clock.instant();
                    store.put(Subscription.newBuilder(subscription).setStatus(SubscriptionStatus.UNSUBSCRIBED)
                            .setUpdatedAt(now).build());
                }
                page(exchange, 200, "Unsubscribed", "<p>You will get no more alerts of &ldquo;"
                        + HtmlText.escape(subscription.getName()) + "&rdquo;.</p>");
            }
            default -> throw methodNotAllowed(exchange, "GET, POST");
        }
    }

    private static void page(JsonExchange exchange, int status, String title, String body) throws IOException {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body><h1>" + title + "</h1>" + body + "</body></html>";
        exchange.setHeader("Content-Security-Policy", "default-src 'none'; form-action 'self'");
        exchange.send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }
}
