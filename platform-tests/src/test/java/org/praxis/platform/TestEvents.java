package org.praxis.platform;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.praxis.platform.events.OutgoingEvent;

/** What the platform's test application publishes. */
public final class TestEvents {
    private TestEvents() {}

    public record WidgetCreated(UUID widgetId) implements OutgoingEvent {
        @Override
        public String type() {
            return "widget.created.v1";
        }

        @Override
        public Object aggregateId() {
            return widgetId;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CoachAssigned(String coach, String client) implements OutgoingEvent {
        @Override
        public String type() {
            return "coach.assigned.v1";
        }

        @Override
        public Object aggregateId() {
            return coach;
        }
    }

    /** The {@code n}th event of the aggregate {@code key}. */
    public record ThingCounted(@JsonIgnore String key, int n) implements OutgoingEvent {
        @Override
        public String type() {
            return "thing.counted.v1";
        }

        @Override
        public Object aggregateId() {
            return key;
        }
    }
}
