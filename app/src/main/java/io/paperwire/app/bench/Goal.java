package io.paperwire.app.bench;

/**
 * One goal of issue 7 and whether this run met it. Goals are checked from the figures, never asserted in tests.
 *
 * @param name   what is measured
 * @param target the goal, in words
 * @param value  the measured value (NaN when this run did not measure it)
 * @param met    true or false when this run measured it under the goal's conditions, null otherwise
 * @param note   why it was not judged, or under which conditions it was
 */
public record Goal(String name, String target, double value, Boolean met, String note) {
}
