package io.paperwire.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SubscriptionQueryTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "tags:\"mixture of experts\" AND NOT categories:physics.*",
        "authors:\"Hinton\"",
        "transformer",
        "\"dark matter\"~2 AND categories:astro-ph*",
        "categories:cs.LG OR categories:stat.ML",
        "Title:graph* AND -abstract:survey",
        "keywords:\"phase transition\" +tags:superconductivity",
        "(quantum OR qubit) AND (error AND correction)"
    })
    void shouldAcceptGoodQueries(String text) {
        SubscriptionQuery query = SubscriptionQuery.parse(text);

        assertThat(query.text()).isEqualTo(text);
        assertThat(query.normalized()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "foo:bar                      | unknown field 'foo'           | 1",
        "title:graph AND bogus:y      | unknown field 'bogus'         | 17",
        "text:graph                   | unknown field 'text'          | 1",
        "a AND AND b                  | unexpected 'AND'              | 7",
        "title:(graph                 | ends too early                | 13",
        "\"dark matter                | a quote is not closed         | 0",
        "*ing                         | may not start with a wildcard | 1",
        "title:?raph                  | may not start with a wildcard | 7",
        "title:g*                     | at least two characters       | 7",
        "NOT categories:cs.LG         | only of NOT clauses           | 1",
        "graph AND (NOT tags:x)       | only of NOT clauses           | 12",
        "graph~                       | fuzzy terms                   | 1",
        "title:[a TO c]               | range queries                 | 7",
        "title:/gr.ph/                | regular expressions           | 7",
        "*:*                          | match-all                     | 1",
        "the of and                   | no searchable term            | 0"
    })
    void shouldRefuseBadQueriesWithAMessageThatPoints(String text, String problem, int column) {
        assertThatThrownBy(() -> SubscriptionQuery.parse(text.strip()))
                .isInstanceOfSatisfying(QueryValidationException.class, e -> {
                    assertThat(e.getMessage()).contains(problem);
                    if (column > 0) {
                        assertThat(e.column()).isEqualTo(column);
                        assertThat(e.getMessage()).contains("column " + column);
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void shouldRefuseEmptyQueries(String text) {
        assertThatThrownBy(() -> SubscriptionQuery.parse(text))
                .isInstanceOf(QueryValidationException.class).hasMessageContaining("empty");
    }

    @Test
    void shouldNameTheUnknownField() {
        assertThatThrownBy(() -> SubscriptionQuery.parse("venue:neurips"))
                .isInstanceOfSatisfying(QueryValidationException.class,
                        e -> assertThat(e.field()).contains("venue"))
                .hasMessageContaining("title, abstract, keywords, tags, authors, categories");
    }

    @Test
    void shouldRefuseOverlongQueries() {
        assertThatThrownBy(() -> SubscriptionQuery.parse("graph ".repeat(400)))
                .isInstanceOf(QueryValidationException.class).hasMessageContaining("longer than");
    }

    @Test
    void shouldNormaliseQueriesThatMatchTheSameWay() {
        assertThat(SubscriptionQuery.parse("Transformers").normalized())
                .isEqualTo(SubscriptionQuery.parse("  transformer ").normalized())
                .isEqualTo("text:transform");
        assertThat(SubscriptionQuery.parse("categories:CS.LG")).isEqualTo(SubscriptionQuery.parse("categories:cs.lg"));
        assertThat(SubscriptionQuery.parse("authors:\"Müller\"").normalized())
                .isEqualTo(SubscriptionQuery.parse("authors:muller").normalized());
    }

    @Test
    void shouldKeepCategoryCodesWholeAndTagsAsPhrases() {
        assertThat(SubscriptionQuery.parse("categories:physics.*").normalized()).isEqualTo("categories:physics.*");
        assertThat(SubscriptionQuery.parse("categories:cond-mat.str-el").normalized())
                .isEqualTo("categories:cond-mat.str-el");
        assertThat(SubscriptionQuery.parse("tags:\"Mixture of Experts\"").normalized())
                .isEqualTo("tags:\"mixture of expert\"");
        assertThat(SubscriptionQuery.parse("title:state-of-the-art").normalized())
                .isEqualTo("title:\"state ? ? art\"");
    }
}
