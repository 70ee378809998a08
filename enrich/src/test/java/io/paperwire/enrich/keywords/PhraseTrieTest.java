package io.paperwire.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhraseTrieTest {

    @Test
    void shouldGiveTheSameNodeForTheSameSequenceOnly() {
        TermTable terms = new TermTable(4);
        PhraseTrie trie = new PhraseTrie(4);
        int neural = terms.id("neural");
        int network = terms.id("network");

        int neuralNetwork = trie.child(trie.child(PhraseTrie.ROOT, neural), network);
        int networkNeural = trie.child(trie.child(PhraseTrie.ROOT, network), neural);

        assertThat(trie.child(trie.child(PhraseTrie.ROOT, neural), network)).isEqualTo(neuralNetwork);
        assertThat(networkNeural).isNotEqualTo(neuralNetwork);
        assertThat(trie.joined(neuralNetwork, terms)).isEqualTo("neural network");
        assertThat(trie.joined(networkNeural, terms)).isEqualTo("network neural");
        assertThat(trie.joined(PhraseTrie.ROOT, terms)).isEmpty();
        assertThat(trie.size()).isEqualTo(5);
    }

    @Test
    void shouldKeepEveryNodeAsTheTableGrows() {
        TermTable terms = new TermTable(4);
        PhraseTrie trie = new PhraseTrie(4);
        int[][] nodes = new int[100][4];
        for (int first = 0; first < 100; first++) {
            int node = PhraseTrie.ROOT;
            for (int depth = 0; depth < 4; depth++) {
                node = trie.child(node, terms.id("w" + (first + depth)));
                nodes[first][depth] = node;
            }
        }
        for (int first = 0; first < 100; first++) {
            int node = PhraseTrie.ROOT;
            for (int depth = 0; depth < 4; depth++) {
                node = trie.child(node, terms.id("w" + (first + depth)));
                assertThat(node).isEqualTo(nodes[first][depth]);
            }
            assertThat(trie.joined(node, terms))
                    .isEqualTo("w" + first + " w" + (first + 1) + " w" + (first + 2) + " w" + (first + 3));
        }
        assertThat(trie.size()).isEqualTo(1 + 400);
    }
}
