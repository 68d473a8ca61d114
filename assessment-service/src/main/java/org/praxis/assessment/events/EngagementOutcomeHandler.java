package org.praxis.assessment.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.praxis.assessment.domain.PractitionerOutcomes;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;

/** Issue 21: a closed engagement's outcome adds to its practitioner's aggregate outcomes, once. */
@ApplicationScoped
public class EngagementOutcomeHandler extends SingleTypeHandler<EngagementOutcomeHandler.EngagementOutcome> {
    public static final String TYPE = "org.praxis.session.engagement.outcome.v1";
    /** Instruments one outcome names at most (session-service's schema). */
    static final int INSTRUMENTS = 100;

    /** What assessment-service reads of session-service's engagement.outcome. */
    record EngagementOutcome(
            @JsonProperty(required = true) UUID engagementId,
            @JsonProperty(required = true) @Size(max = 200) String practitionerId,

            @JsonProperty(required = true) @Size(max = INSTRUMENTS)
            List<InstrumentOutcome> outcomes,

            @JsonProperty(required = true) int goals,
            @JsonProperty(required = true) int goalsMet,
            @JsonProperty(required = true) int sessionsHeld) {}

    record InstrumentOutcome(String instrument, String classification) {}

    @Inject
    PractitionerOutcomes outcomes;

    public EngagementOutcomeHandler() {
        super("assessment-engagement-outcome", "session.events", TYPE, EngagementOutcome.class);
    }

    @Override
    protected void handle(IncomingEvent event, EngagementOutcome p) {
        if (p.practitionerId().isBlank()
                || p.goals() < 0
                || p.goalsMet() < 0
                || p.goalsMet() > p.goals()
                || p.sessionsHeld() < 0) {
            throw new UnprocessableEvent("engagement.outcome needs a practitioner and counts of 0 or more");
        }
        outcomes.count(new PractitionerOutcomes.Closed(
                p.engagementId(),
                p.practitionerId(),
                p.outcomes().stream()
                        .map(InstrumentOutcome::classification)
                        .filter(c -> c != null)
                        .toList(),
                p.goals(),
                p.goalsMet(),
                p.sessionsHeld()));
    }
}
