package io.paperwire.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermTableTest {

    @Test
    void shouldNumberTermsInOrderOfFirstSightAndKeepTheirNumbersAsTheTableGrows() {
        TermTable table = new TermTable(4);
        for (int i = 0; i < 1000; i++) {
            assertThat(table.id("term" + i)).isEqualTo(i);
        }
        for (int i = 999; i >= 0; i--) {
            assertThat(table.id(new String("term" + i))).isEqualTo(i);
            assertThat(table.term(i)).isEqualTo("term" + i);
        }
        assertThat(table.size()).isEqualTo(1000);
        assertThat(table.id("")).isEqualTo(1000);
    }

    @Test
    void shouldFindANumberedTermWithoutNumberingAnUnknownOne() {
        TermTable table = new TermTable(2);
        for (int i = 0; i < 100; i++) {
            table.id("term" + i);
        }

        assertThat(table.find(new String("term42"))).isEqualTo(42);
        assertThat(table.find("unknown")).isEqualTo(-1);
        assertThat(table.size()).isEqualTo(100);
    }
}
