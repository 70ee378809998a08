package io.paperwire.app.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** Reads one sample out of a Prometheus text scrape, for assertions. */
final class PrometheusText {

    private PrometheusText() {
    }

    /** The value of the sample {@code name} whose labels include {@code labels}; empty when there is none. */
    static OptionalDouble sample(String scrape, String name, Map<String, String> labels) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            Map<String, String> found = new LinkedHashMap<>();
            if (rest.startsWith("{")) {
                int end = rest.indexOf('}');
                for (String pair : rest.substring(1, end).split(",")) {
                    if (!pair.isBlank()) {
                        int eq = pair.indexOf('=');
                        found.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
                    }
                }
                rest = rest.substring(end + 1);
            }
            if (!rest.startsWith(" ")) {
                continue; // a longer name with the same prefix
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                return OptionalDouble.of(Double.parseDouble(rest.trim().split(" ")[0]));
            }
        }
        return OptionalDouble.empty();
    }

    static OptionalDouble sample(String scrape, String name) {
        return sample(scrape, name, Map.of());
    }
}
