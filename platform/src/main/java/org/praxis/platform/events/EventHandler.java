package org.praxis.platform.events;

import java.util.Set;

/**
 * A service's reaction to other services' events. The {@link InboxConsumer} calls {@link #handle} in a
 * transaction that also records the event id, with the caller set to this service acting for the
 * event's tenant; a redelivered event is not handed over again.
 */
public interface EventHandler {

    /** Stable name recorded in the inbox with each event it applied. */
    String name();

    Set<String> topics();

    /** Whether this handler applies events of this {@code ce_type}. */
    boolean handles(String type);

    void handle(IncomingEvent event);

    /**
     * False when {@link #handle} would do nothing with this event: it is then not applied at all (no transaction, no
     * inbox mark), which spares the consumer and the database a write and a commit per such event. Asked as the
     * service acting for the event's tenant, outside any transaction, each time the event is offered (a redelivery
     * asks again). A read of the database may decide it only where a change committed just after the read leaves
     * the same outcome as the event applied just before that change would have (an engagement drafted, a
     * subscription created); anything that must be decided with the write stays {@code handle}'s. A handler that
     * {@link #replacesState()} records no newer state for an event it does not concern.
     */
    default boolean concerns(IncomingEvent event) {
        return true;
    }

    /**
     * True for a handler that replaces state with what the event carries (a register, a status): it
     * is given an event only when its {@code ce_sequence} is newer than the last one it applied for
     * the same key, so an older event read later (a replay) never overwrites newer state.
     */
    default boolean replacesState() {
        return false;
    }

    /**
     * What one piece of the state it replaces is named by, for a {@link #replacesState()} handler: the record's
     * key unless the key's events carry several pieces (one per instrument of an intake, say), so that a newer
     * event about one piece never makes an older one about another look superseded.
     */
    default String stateKey(IncomingEvent event) {
        return event.key();
    }
}
