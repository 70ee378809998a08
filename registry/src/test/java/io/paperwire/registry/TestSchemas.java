package io.paperwire.registry;

/** Avro schema texts written for these tests. */
final class TestSchemas {

    private TestSchemas() {
    }

    /** A record {@code io.paperwire.test.<name>} with one required string field {@code key}. */
    static String record(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"io.paperwire.test\",\"fields\":["
                + "{\"name\":\"key\",\"type\":\"string\"}]}";
    }

    /** The same record plus a field {@code extra}: a required long, or an optional one with default null. */
    static String recordWithExtra(String name, boolean withDefault) {
        String extra = withDefault
                ? "{\"name\":\"extra\",\"type\":[\"null\",\"long\"],\"default\":null}"
                : "{\"name\":\"extra\",\"type\":\"long\"}";
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"io.paperwire.test\",\"fields\":["
                + "{\"name\":\"key\",\"type\":\"string\"}," + extra + "]}";
    }

    /** A record {@code io.paperwire.test.<name>} with the given field declarations (JSON objects). */
    static String recordWithFields(String name, String... fields) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"io.paperwire.test\",\"fields\":["
                + String.join(",", fields) + "]}";
    }
}
