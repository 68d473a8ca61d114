package org.praxis.assessment.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.praxis.assessment.domain.PractitionerFeedback;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;

/** Issue 22: five clients' answers about a practitioner, aggregated, add to their client feedback, once. */
@ApplicationScoped
public class FeedbackAggregatedHandler extends SingleTypeHandler<FeedbackAggregatedHandler.FeedbackAggregated> {
    public static final String TYPE = "org.praxis.session.practitioner.feedback-aggregated.v1";
    /** session-service publishes five answers at a time; fewer could be one client's. */
    static final int MINIMUM_RESPONSES = 5;

    private static final BigDecimal TEN = BigDecimal.TEN;

    /** What assessment-service reads of session-service's practitioner.feedback-aggregated. */
    record FeedbackAggregated(
            @JsonProperty(required = true) UUID batchId,
            @JsonProperty(required = true) @Size(max = 255) String practitionerId,
            @JsonProperty(required = true) LocalDate periodStart,
            @JsonProperty(required = true) LocalDate periodEnd,
            @JsonProperty(required = true) int responses,
            @JsonProperty(required = true) Means means) {}

    record Means(
            @JsonProperty(required = true) BigDecimal feltHeard,
            @JsonProperty(required = true) BigDecimal workedOnWhatMattered,
            @JsonProperty(required = true) BigDecimal approachFitted,
            @JsonProperty(required = true) BigDecimal overall) {
        List<BigDecimal> all() {
            return List.of(feltHeard, workedOnWhatMattered, approachFitted, overall);
        }
    }

    @Inject
    PractitionerFeedback feedback;

    public FeedbackAggregatedHandler() {
        super("assessment-feedback-aggregated", "session.events", TYPE, FeedbackAggregated.class);
    }

    @Override
    protected void handle(IncomingEvent event, FeedbackAggregated p) {
        if (p.practitionerId().isBlank()
                || p.responses() < MINIMUM_RESPONSES
                || p.periodEnd().isBefore(p.periodStart())
                || p.means().all().stream().anyMatch(m -> m.signum() < 0 || m.compareTo(TEN) > 0)) {
            throw new UnprocessableEvent(
                    "practitioner.feedback-aggregated needs a practitioner, five answers or more, a period and means 0-10");
        }
        Means m = p.means();
        feedback.count(new PractitionerFeedback.Batch(
                p.batchId(),
                p.practitionerId(),
                p.periodStart(),
                p.periodEnd(),
                p.responses(),
                m.feltHeard(),
                m.workedOnWhatMattered(),
                m.approachFitted(),
                m.overall()));
    }
}
