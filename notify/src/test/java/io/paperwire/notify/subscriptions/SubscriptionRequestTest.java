package io.paperwire.notify.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private static Subscription build(String json) {
        return SubscriptionRequest.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8))
                .toSubscription("id1", "tok", null, NOW);
    }

    @Test
    void shouldMapAFullRequestToTheAvroRecord() {
        Subscription s = build("{'ownerEmail': 'ada@example.org', 'name': 'MoE', "
                + "'query': 'tags:\\'mixture of experts\\' AND NOT categories:physics.*', "
                + "'similarTo': ['arxiv:2401.00001'], 'similarityThreshold': 0.4, 'minTrendingScore': 1.5, "
                + "'channels': {'emailInstant': true, 'dailyDigest': {'time': '07:30', 'timeZone': 'Europe/Berlin'}, "
                + "'weeklyDigest': {'time': '18:00', 'timeZone': 'America/New_York', 'dayOfWeek': 'friday'}, "
                + "'webhook': {'url': 'https://hooks.example.org/p', 'secret': '0123456789abcdef'}, 'feed': false}, "
                + "'notifyNewVersions': true, 'status': 'paused'}");
        assertThat(s.getId()).isEqualTo("id1");
        assertThat(s.getQuery()).isEqualTo("tags:\"mixture of experts\" AND NOT categories:physics.*");
        assertThat(s.getSimilarTo()).containsExactly("arxiv:2401.00001");
        assertThat(s.getSimilarityThreshold()).isEqualTo(0.4);
        assertThat(s.getMinTrendingScore()).isEqualTo(1.5);
        assertThat(s.getEmailInstant()).isTrue();
        assertThat(s.getDailyDigest().getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(s.getWeeklyDigest().getDayOfWeek()).isEqualTo("FRIDAY");
        assertThat(s.getWebhook().getSecret()).isEqualTo("0123456789abcdef");
        assertThat(s.getFeed()).isFalse();
        assertThat(s.getNotifyNewVersions()).isTrue();
        assertThat(s.getStatus()).isEqualTo(SubscriptionStatus.PAUSED);
        assertThat(s.getUnsubscribeToken()).isEqualTo("tok");
        assertThat(s.getCreatedAt()).isEqualTo(NOW);

        SubscriptionRequest shown = SubscriptionRequest.from(s);
        assertThat(shown.channels().webhook().secret()).isNull();
        assertThat(new String(shown.toJson(), StandardCharsets.UTF_8)).doesNotContain("0123456789abcdef", "tok");
    }

    @Test
    void shouldDefaultToActiveWithTheFeedOnly() {
        Subscription s = build("{'ownerEmail': 'ada@example.org', 'name': 'n', 'query': 'title:graphene'}");
        assertThat(s.getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(s.getFeed()).isTrue();
        assertThat(s.getEmailInstant()).isFalse();
        assertThat(s.getWebhook()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "query syntax      | {'ownerEmail':'a@b.org','name':'n','query':'title:(graphene'}                 | query",
        "unknown field     | {'ownerEmail':'a@b.org','name':'n','query':'venue:neurips'}                   | query",
        "no query no seeds | {'ownerEmail':'a@b.org','name':'n'}                                           | query",
        "missing email     | {'name':'n','query':'title:x'}                                                | ownerEmail",
        "invalid email     | {'ownerEmail':'not-an-email','name':'n','query':'title:x'}                    | ownerEmail",
        "missing name      | {'ownerEmail':'a@b.org','query':'title:x'}                                    | name",
        "bad time zone     | {'ownerEmail':'a@b.org','name':'n','query':'title:x','channels':{'dailyDigest':{'time':'07:00','timeZone':'Mars/Olympus'}}} | channels.dailyDigest.timeZone",
        "bad HH:MM         | {'ownerEmail':'a@b.org','name':'n','query':'title:x','channels':{'dailyDigest':{'time':'25:00','timeZone':'UTC'}}} | channels.dailyDigest.time",
        "bad day of week   | {'ownerEmail':'a@b.org','name':'n','query':'title:x','channels':{'weeklyDigest':{'time':'07:00','timeZone':'UTC','dayOfWeek':'someday'}}} | channels.weeklyDigest.dayOfWeek",
        "ftp webhook       | {'ownerEmail':'a@b.org','name':'n','query':'title:x','channels':{'webhook':{'url':'ftp://x.org/h','secret':'0123456789abcdef'}}} | channels.webhook.url",
        "not a URL         | {'ownerEmail':'a@b.org','name':'n','query':'title:x','channels':{'webhook':{'url':'https://exa mple','secret':'0123456789abcdef'}}} | channels.webhook.url",
        "short secret      | {'ownerEmail':'a@b.org','name':'n','query':'title:x','channels':{'webhook':{'url':'https://x.org/h','secret':'s'}}} | channels.webhook.secret",
        "threshold         | {'ownerEmail':'a@b.org','name':'n','similarTo':['arxiv:1'],'similarityThreshold':1.5} | similarityThreshold",
        "trending          | {'ownerEmail':'a@b.org','name':'n','query':'title:x','minTrendingScore':-1}   | minTrendingScore",
        "status            | {'ownerEmail':'a@b.org','name':'n','query':'title:x','status':'gone'}         | status",
        "unknown JSON key  | {'ownerEmail':'a@b.org','name':'n','query':'title:x','colour':'red'}          | colour",
        "wrong type        | {'ownerEmail':'a@b.org','name':'n','query':'title:x','similarTo':'arxiv:1'}   | similarTo",
    })
    void shouldNameTheFieldAtFault(String problem, String json, String field) {
        assertThatThrownBy(() -> build(json))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(field);
                });
    }

    @Test
    void shouldPointAtTheColumnOfABadQuery() {
        assertThatThrownBy(() -> build("{'ownerEmail':'a@b.org','name':'n','query':'title:(graphene'}"))
                .hasMessageContaining("column");
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        assertThatThrownBy(() -> SubscriptionRequest.parse("<html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isNull())
                .hasMessageContaining("JSON");
    }

    @Test
    void shouldKeepTheStoredWebhookSecretWhenAnUpdateOmitsIt() {
        Subscription first = build("{'ownerEmail':'a@b.org','name':'n','query':'title:x',"
                + "'channels':{'webhook':{'url':'https://x.org/h','secret':'0123456789abcdef'}}}");
        Subscription second = SubscriptionRequest.parse(("{'ownerEmail':'a@b.org','name':'n2','query':'title:y',"
                        + "'channels':{'webhook':{'url':'https://x.org/h2'}}}").replace('\'', '"')
                        .getBytes(StandardCharsets.UTF_8))
                .toSubscription("id1", "tok", first, NOW.plusSeconds(60));
        assertThat(second.getWebhook().getSecret()).isEqualTo("0123456789abcdef");
        assertThat(second.getCreatedAt()).isEqualTo(NOW);
        assertThat(second.getUpdatedAt()).isEqualTo(NOW.plusSeconds(60));
    }
}
