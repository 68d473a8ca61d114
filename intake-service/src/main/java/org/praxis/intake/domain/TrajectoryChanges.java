package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.praxis.intake.domain.Trajectory.Change;
import org.praxis.intake.domain.Trajectory.Point;
import org.praxis.intake.domain.events.IntakeEvents;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;

/**
 * Follows each new score of an instrument against the intake's earlier ones: publishes {@code
 * trajectory.changed} for every score with a baseline before it and, during monitoring (the intake is
 * decided), raises {@link Trajectory#DETERIORATION_FLAG} when it has deteriorated (docs/measurement.md).
 */
@ApplicationScoped
public class TrajectoryChanges {
    @Inject
    TenantQueries tenant;

    @Inject
    OutboxPublisher outbox;

    @Inject
    RiskFlags riskFlags;

    /**
     * Joins the submission's transaction, after {@code latest} is stored; the flag it raised, if any.
     * One query reads the baseline and the point before, the earliest and latest of the others.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RiskFlag> follow(Intake intake, Instrument instrument, Screening latest) {
        String others = "intakeId = :intake and %1$s.instrumentCode = :code and %1$s.id <> :latest";
        List<Screening> ends = tenant.select(
                        Screening.class,
                        "e." + others.formatted("e")
                                + " and (e.scoredAt = (select min(b.scoredAt) from Screening b where b."
                                + others.formatted("b") + ") or e.scoredAt = (select max(p.scoredAt) from"
                                + " Screening p where p." + others.formatted("p") + "))",
                        "e.scoredAt asc, e.id asc",
                        Map.of("intake", intake.id, "code", instrument.code(), "latest", latest.id))
                .getResultList();
        if (ends.isEmpty()) {
            return Optional.empty(); // the first score: the baseline itself
        }
        Screening baseline = ends.get(0);
        Change change = Trajectory.change(
                instrument, Point.of(baseline), Point.of(ends.get(ends.size() - 1)), Point.of(latest));
        outbox.publish(new IntakeEvents.TrajectoryChanged(
                intake.id,
                intake.clientSubject,
                instrument.code(),
                latest.id,
                baseline.id,
                baseline.total,
                latest.total,
                baseline.severity,
                latest.severity,
                change.classification().code(),
                change.deteriorated(),
                ChangeThresholds.VERSION));
        if (!change.deteriorated() || !Intake.DECIDED.equals(intake.status)) {
            return Optional.empty();
        }
        return Optional.of(riskFlags.raise(
                intake,
                latest.id,
                Trajectory.DETERIORATION_FLAG,
                Trajectory.flagLevel(instrument, latest.severity),
                RiskFlag.TRAJECTORY,
                null));
    }
}
