package io.paperwire.app.replay;

/** A replay that must not happen now, e.g. because the app's consumer group still has live members. */
public final class ReplayRefusedException extends RuntimeException {

    public ReplayRefusedException(String message) {
        super(message);
    }
}
