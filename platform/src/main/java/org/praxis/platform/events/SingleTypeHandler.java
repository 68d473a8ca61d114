package org.praxis.platform.events;

import java.util.Set;

/** A handler of one event type from one topic: the common case, so a handler states only what it does. */
public abstract class SingleTypeHandler implements EventHandler {
    private final String name;
    private final String topic;
    private final String type;

    /**
     * @param name  recorded in the inbox with each event applied; never rename it, or events are applied again
     * @param topic where the events arrive, e.g. {@code intake.events}
     * @param type  the full {@code ce_type}, e.g. {@code org.praxis.intake.risk-flag.raised.v1}
     */
    protected SingleTypeHandler(String name, String topic, String type) {
        this.name = name;
        this.topic = topic;
        this.type = type;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> topics() {
        return Set.of(topic);
    }

    @Override
    public boolean handles(String eventType) {
        return type.equals(eventType);
    }
}
