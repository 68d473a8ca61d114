package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.praxis.intake.domain.access.IntakePolicy;
import org.praxis.platform.audit.AuditLog;

/**
 * The triage recommendation recomputed from the latest screening of each instrument (the same {@link Triage}
 * rules as at intake), set against the decided pathway; during monitoring it raises {@link PathwayEscalation}'s
 * flag. The flags raised from scores (a deteriorating trajectory, this escalation) are left out of the open flags
 * the rules read: the scores they come from are read already, and a flag must not drive the recommendation it
 * reports. Flags raised by an item's answer or by hand count, as at intake.
 */
@ApplicationScoped
public class PathwayReview {
    @Inject
    Intakes intakes;

    @Inject
    Decisions decisions;

    @Inject
    RiskFlags riskFlags;

    @Inject
    TriagePolicies policies;

    @Inject
    AuditLog audit;

    /**
     * @param decision the decision, null before one is made
     * @param changes the instruments whose band moved since the decision (empty before one is made)
     */
    public record Review(
            Decision decision, Triage.Recommendation recomputed, List<PathwayEscalation.BandChange> changes) {}

    /** For those who see the recommendation; it shows scores, so the read is audited. */
    @Transactional
    public Review review(UUID intakeId) {
        intakes.require(intakeId, IntakePolicy.Action.VIEW_RECOMMENDATION);
        List<Screening> screenings = decisions.screeningsNewestFirst(intakeId);
        Decision decision = decisions.decisionOf(intakeId).orElse(null);
        List<Triage.ScoreSummary> latest = latest(screenings, s -> true);
        Triage.Recommendation recomputed = recommend(intakeId, latest, openCodes(intakeId, f -> true));
        List<PathwayEscalation.BandChange> changes = decision == null
                ? List.of()
                : PathwayEscalation.changes(latest(screenings, s -> !s.scoredAt.isAfter(decision.decidedAt)), latest);
        audit.record("read-scores", "intake", intakeId, "recomputed recommendation");
        return new Review(decision, recomputed, changes);
    }

    /**
     * After a screening of a decided intake (monitoring): the recommendation without it and its item flags, and
     * with them; a crossing raises the escalation flag. Joins the screening's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RiskFlag> afterScreening(Intake intake, Screening screening) {
        if (!Intake.DECIDED.equals(intake.status)) {
            return Optional.empty(); // at intake the recommendation is the decision's to weigh
        }
        Optional<Decision> decision = decisions.decisionOf(intake.id);
        if (decision.isEmpty()) {
            return Optional.empty();
        }
        List<Screening> screenings = decisions.newestTwoOfEachInstrument(intake.id);
        Triage.Recommendation before = recommend(
                intake.id,
                latest(screenings, s -> !s.id.equals(screening.id)),
                openCodes(intake.id, f -> !screening.id.equals(f.screeningId)));
        Triage.Recommendation after =
                recommend(intake.id, latest(screenings, s -> true), openCodes(intake.id, f -> true));
        return PathwayEscalation.level(Pathway.of(decision.get().pathway), before.pathway(), after.pathway())
                .map(level -> riskFlags.raise(
                        intake, screening.id, PathwayEscalation.CODE, level, RiskFlag.RECOMMENDATION, null));
    }

    private Triage.Recommendation recommend(
            UUID intakeId, List<Triage.ScoreSummary> latest, List<String> openFlagCodes) {
        return Triage.recommend(latest, openFlagCodes, policies.current(), decisions.wantsNoHelpNow(intakeId));
    }

    private static List<Triage.ScoreSummary> latest(List<Screening> newestFirst, Predicate<Screening> counted) {
        return Triage.latestOfEach(
                Decisions.summaries(newestFirst.stream().filter(counted).toList()));
    }

    private List<String> openCodes(UUID intakeId, Predicate<RiskFlag> counted) {
        return riskFlags.triageCodes(intakeId, counted);
    }
}
