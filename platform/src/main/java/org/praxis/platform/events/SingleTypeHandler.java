package org.praxis.platform.events;

import java.util.Set;

/**
 * A handler of one event type from one topic, the common case: it states what it does with the payload, read
 * into {@code P}, a record of the consuming service naming the fields it uses ({@link
 * IncomingEvent#payloadAs}); a payload that does not read is the event's fault ({@link UnprocessableEvent}).
 */
public abstract class SingleTypeHandler<P extends Record> implements EventHandler {
    private final String name;
    private final String topic;
    private final String type;
    private final Class<P> payloadType;

    /**
     * @param name        recorded in the inbox with each event applied; never rename it, or events are applied again
     * @param topic       where the events arrive, e.g. {@code intake.events}
     * @param type        the full {@code ce_type}, e.g. {@code org.praxis.intake.risk-flag.raised.v1}
     * @param payloadType what the payload is read into
     */
    protected SingleTypeHandler(String name, String topic, String type, Class<P> payloadType) {
        this.name = name;
        this.topic = topic;
        this.type = type;
        this.payloadType = payloadType;
    }

    /** Applies one event, its payload already read. */
    protected abstract void handle(IncomingEvent event, P payload);

    @Override
    public final void handle(IncomingEvent event) {
        handle(event, event.payloadAs(payloadType));
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

    /** The {@code ce_type} it handles: with {@link #payloadType()}, what the event contract tests compare. */
    public String type() {
        return type;
    }

    public Class<P> payloadType() {
        return payloadType;
    }
}
