package org.praxis.intake.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.praxis.intake.domain.MonitoringAssignments;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.web.Bounds;

/** A closed engagement asks nothing more of its client: its monitoring measures' open assignments are withdrawn. */
@ApplicationScoped
public class EngagementClosedHandler extends SingleTypeHandler<EngagementClosedHandler.StatusChanged> {
    public static final String TYPE = "org.praxis.session.engagement.status-changed.v1";
    static final String CLOSED = "closed";

    /** What intake-service reads of session-service's engagement.status-changed. */
    record StatusChanged(
            @JsonProperty(required = true) UUID engagementId,

            @JsonProperty(required = true) @Size(max = Bounds.CODE)
            String status) {}

    @Inject
    MonitoringAssignments assignments;

    public EngagementClosedHandler() {
        super("intake-engagement-closed", "session.events", TYPE, StatusChanged.class);
    }

    /** Only a move to closed changes anything here; the other moves are not applied at all. */
    @Override
    public boolean concerns(IncomingEvent event) {
        return CLOSED.equals(event.payload().path("status").asText(null));
    }

    /** Given only moves to closed ({@link #concerns}). */
    @Override
    protected void handle(IncomingEvent event, StatusChanged p) {
        assignments.withdraw(p.engagementId());
    }
}
