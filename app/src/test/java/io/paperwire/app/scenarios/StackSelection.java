package io.paperwire.app.scenarios;

import java.util.Locale;

/**
 * Which stacks the scenarios run on, from the system property {@value #PROPERTY} (Surefire passes the Maven property
 * of the same name; the profile {@code -Pcontainers} sets it to {@code containers}): {@code all} (the default: the
 * embedded stack always, the containers when Docker answers), {@code embedded}, or {@code containers}.
 */
enum StackSelection {
    ALL, EMBEDDED, CONTAINERS;

    static final String PROPERTY = "paperwire.test.stack";

    static StackSelection current() {
        String value = System.getProperty(PROPERTY, "all").trim();
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be all, embedded or containers, got '" + value + "'");
        }
    }

    boolean embedded() {
        return this != CONTAINERS;
    }

    boolean containers() {
        return this != EMBEDDED;
    }

    /** Why a stack is left out, for the skip message. */
    String notSelected(String stack) {
        return PROPERTY + "=" + name().toLowerCase(Locale.ROOT) + " does not select the " + stack + " stack";
    }
}
