package io.paperwire.notify.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link DeadLetterSink} that keeps every dead delivery in memory, in arrival order. */
public final class InMemoryDeadLetters implements DeadLetterSink {

    private final List<DeadDelivery> deadDeliveries = new CopyOnWriteArrayList<>();

    @Override
    public void deadLetter(DeadDelivery deadDelivery) {
        deadDeliveries.add(deadDelivery);
    }

    /** A snapshot of the dead deliveries so far. */
    public List<DeadDelivery> all() {
        return List.copyOf(deadDeliveries);
    }
}
