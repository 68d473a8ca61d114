package org.praxis.platform.privacy;

/**
 * Thrown by {@link ErasedSubjects#screen} when an event names a person erased here, was sent after the
 * erasure was asked for, and its source has not yet confirmed erasing them: whether it is the erased
 * past or the person's new activity is known only once that confirmation is read. The inbox parks the
 * event until then instead of applying it, dropping it or blocking the topic.
 */
public class ErasureUnderWay extends RuntimeException {
    private final String source;

    public ErasureUnderWay(String source) {
        super("waiting for " + source + " to confirm an erasure of a person the event names");
        this.source = source;
    }

    /** The one in {@code e}'s causes, or null (a transaction may wrap what the handler threw). */
    public static ErasureUnderWay in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ErasureUnderWay waiting) {
                return waiting;
            }
        }
        return null;
    }

    /** What the event waits for, as parked_event.waiting_for shows it. */
    public String waitingFor() {
        return "erasure-by:" + source;
    }
}
