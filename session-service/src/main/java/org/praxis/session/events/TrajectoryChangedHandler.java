package org.praxis.session.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.platform.web.Bounds;
import org.praxis.session.domain.ScoreTrajectories;
import org.praxis.session.domain.ScoreTrajectory;

/**
 * Issue 21: a classified screening of an intake becomes the trajectory of the engagement drafted from that
 * intake; a deterioration makes the engagement due for review.
 */
@ApplicationScoped
public class TrajectoryChangedHandler extends SingleTypeHandler<TrajectoryChangedHandler.TrajectoryChanged> {
    public static final String TYPE = "org.praxis.intake.trajectory.changed.v1";
    /** The longest band code or thresholds version intake-service's schema allows. */
    static final int LABEL = 100;

    /** What session-service reads of intake-service's trajectory.changed. */
    record TrajectoryChanged(
            @JsonProperty(required = true) UUID intakeId,

            @JsonProperty(required = true) @Size(max = Bounds.CODE)
            String instrument,

            @JsonProperty(required = true) UUID screeningId,
            @JsonProperty(required = true) UUID baselineScreeningId,

            @JsonProperty(required = true) @Min(0) @Max(ScoreTrajectory.MAX_TOTAL)
            int baselineTotal,

            @JsonProperty(required = true) @Min(0) @Max(ScoreTrajectory.MAX_TOTAL)
            int latestTotal,

            @Size(max = LABEL) String baselineBand,
            @Size(max = LABEL) String latestBand,
            @JsonProperty(required = true) String classification,
            @JsonProperty(required = true) boolean deteriorated,

            @JsonProperty(required = true) @Size(max = LABEL)
            String thresholdsVersion) {}

    @Inject
    ScoreTrajectories trajectories;

    public TrajectoryChangedHandler() {
        super("session-trajectory-changed", "intake.events", TYPE, TrajectoryChanged.class);
    }

    /**
     * Each event carries the whole trajectory of one instrument: an older one replayed after a newer one of the
     * same intake must not overwrite it.
     */
    @Override
    public boolean replacesState() {
        return true;
    }

    /** {@code p}, once it names a classification the suite knows, an instrument and a thresholds version. */
    private static TrajectoryChanged checked(TrajectoryChanged p) {
        if (!ScoreTrajectory.CLASSIFICATIONS.contains(p.classification())) {
            throw new UnprocessableEvent("trajectory.changed has an unknown classification");
        }
        if (p.instrument().isBlank() || p.thresholdsVersion().isBlank()) {
            throw new UnprocessableEvent("trajectory.changed needs an instrument and a thresholds version");
        }
        return p;
    }

    /** The key is the intake, which has one trajectory per instrument: a newer GAD-7 leaves an older PHQ-9 to apply. */
    @Override
    public String stateKey(IncomingEvent event) {
        return event.key() + "/" + event.payload().path("instrument").asText();
    }

    /**
     * Only an intake with an open engagement has a trajectory to keep here. The payload is checked first: a
     * malformed event is the publisher's fault and goes to the dead letters whether or not an engagement exists.
     */
    @Override
    public boolean concerns(IncomingEvent event) {
        return trajectories.anyOpenEngagementFrom(
                checked(event.payloadAs(payloadType())).intakeId());
    }

    @Override
    protected void handle(IncomingEvent event, TrajectoryChanged p) {
        checked(p);
        trajectories.apply(
                p.intakeId(),
                new ScoreTrajectories.Change(
                        p.instrument(),
                        p.screeningId(),
                        p.baselineScreeningId(),
                        p.baselineTotal(),
                        p.latestTotal(),
                        p.baselineBand(),
                        p.latestBand(),
                        p.classification(),
                        p.deteriorated(),
                        p.thresholdsVersion()));
    }
}
