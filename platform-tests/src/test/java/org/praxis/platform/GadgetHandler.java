package org.praxis.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.praxis.platform.events.EventHandler;
import org.praxis.platform.events.IncomingEvent;

/**
 * A handler that "a newer version" has: it takes its type only once a test switches it on, as a pod
 * of the next release would (the parking tests).
 */
@ApplicationScoped
public class GadgetHandler implements EventHandler {
    static final String TYPE = "org.praxis.test.gadget.made.v2";
    static volatile boolean deployed;
    static final AtomicInteger APPLIED = new AtomicInteger();

    @Override
    public String name() {
        return "gadget";
    }

    @Override
    public Set<String> topics() {
        return Set.of(RecordingHandler.TOPIC);
    }

    @Override
    public boolean handles(String type) {
        return deployed && TYPE.equals(type);
    }

    @Override
    public void handle(IncomingEvent event) {
        APPLIED.incrementAndGet();
    }
}
