package org.praxis.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An event a service publishes, as a record that knows its own type and key (as Debezium's {@code
 * ExportedEvent}): a publisher cannot pair one event's record with another's type. The record's components
 * are the payload JSON; these two methods are not part of it.
 */
public interface OutgoingEvent {

    /**
     * The event type with its version, after the publishing process's prefix: {@code risk-flag.raised.v1} is
     * the {@code ce_type} {@code org.praxis.intake.risk-flag.raised.v1} when intake-service publishes it.
     */
    @JsonIgnore
    String type();

    /** The Kafka key, so one aggregate's events stay in order. */
    @JsonIgnore
    Object aggregateId();
}
