package org.praxis.session.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.session.domain.MonitoringMeasures;

/**
 * A screening intake-service scored completes the monitoring measure it answered. Screenings at intake
 * (and any published before intake named measures) carry no measure and are not session-service's.
 */
@ApplicationScoped
public class ScreeningScoredHandler extends SingleTypeHandler<ScreeningScoredHandler.ScreeningScored> {
    public static final String TYPE = "org.praxis.intake.screening.scored.v1";

    /** What session-service reads of intake-service's screening.scored: ids only, never a total or band. */
    record ScreeningScored(@JsonProperty(required = true) UUID screeningId, UUID engagementId, UUID measureId) {}

    @Inject
    MonitoringMeasures measures;

    public ScreeningScoredHandler() {
        super("session-screening-scored", "intake.events", TYPE, ScreeningScored.class);
    }

    /** Most screenings answer no measure (those at intake): nothing to apply, so no transaction for them. */
    @Override
    public boolean concerns(IncomingEvent event) {
        return event.payload().hasNonNull("measureId");
    }

    @Override
    protected void handle(IncomingEvent event, ScreeningScored p) {
        if (p.measureId() != null) {
            measures.complete(p.measureId(), p.engagementId(), p.screeningId());
        }
    }
}
