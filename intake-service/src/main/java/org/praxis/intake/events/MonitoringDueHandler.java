package org.praxis.intake.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.praxis.intake.domain.MonitoringAssignments;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.web.Bounds;

/** Issue 21: a monitoring measure of session-service fell due; the client gets the instrument to fill in. */
@ApplicationScoped
public class MonitoringDueHandler extends SingleTypeHandler<MonitoringDueHandler.MonitoringDue> {
    public static final String TYPE = "org.praxis.session.monitoring.due.v1";

    /** What intake-service reads of session-service's monitoring.due. */
    record MonitoringDue(
            @JsonProperty(required = true) UUID measureId,
            @JsonProperty(required = true) UUID engagementId,
            @JsonProperty(required = true) UUID intakeId,

            @JsonProperty(required = true) @Size(max = Bounds.SUBJECT)
            String clientSubject,

            @JsonProperty(required = true) @Size(max = Bounds.CODE)
            String instrument,

            @JsonProperty(required = true) LocalDate dueOn) {}

    @Inject
    MonitoringAssignments assignments;

    public MonitoringDueHandler() {
        super("intake-monitoring-due", "session.events", TYPE, MonitoringDue.class);
    }

    @Override
    protected void handle(IncomingEvent event, MonitoringDue p) {
        assignments.assign(new MonitoringAssignments.MeasureDue(
                p.measureId(), p.engagementId(), p.intakeId(), p.clientSubject(), p.instrument(), p.dueOn()));
    }
}
