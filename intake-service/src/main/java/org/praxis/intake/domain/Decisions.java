package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.praxis.intake.domain.access.IntakePolicy;
import org.praxis.intake.domain.access.Policies;
import org.praxis.intake.domain.events.IntakeEvents;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/** The recommendation from the latest scores and open flags, and the practitioner's decision. */
@ApplicationScoped
public class Decisions {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    Intakes intakes;

    @Inject
    RiskFlags riskFlags;

    @Inject
    EligibilityRegister eligibility;

    @Inject
    TriagePolicies policies;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    @Inject
    Policies access;

    @Inject
    ClientPreferences preferences;

    /** The recommendation beside the client's preference (null when they recorded none). */
    public record Recommended(Triage.Recommendation recommendation, ClientPreference clientPreference) {}

    /** Its reasons name open risk flags and scores, so the read is audited (as the pathway review's). */
    @Transactional
    public Recommended recommend(UUID intakeId) {
        intakes.require(intakeId, IntakePolicy.Action.VIEW_RECOMMENDATION);
        audit.record("read-scores", "intake", intakeId, "recommendation");
        return new Recommended(
                recommendation(intakeId), preferences.of(intakeId).orElse(null));
    }

    /**
     * What the intake's client reads of their path (issue 22): the recommendation once there is something to
     * recommend from (else null), the decision once made, their own preference. The caller words the codes.
     */
    public record ForClient(
            Intake intake, Triage.Recommendation recommendation, Decision decision, ClientPreference preference) {}

    public ForClient forClient(UUID intakeId) {
        Intake intake = intakes.require(intakeId, IntakePolicy.Action.VIEW_OWN_PATHWAY);
        return new ForClient(
                intake,
                recommendationForClient(intakeId),
                decisionOf(intakeId).orElse(null),
                preferences.of(intakeId).orElse(null));
    }

    /** An intake waiting for a coach, with what a coach may know of it before it is theirs. */
    public record Waiting(Intake intake, boolean openRiskFlags, Pathway recommendedPathway) {}

    /** One page of the triage queue ({@link Intakes#triageQueue}), each intake with its open flags and recommendation. */
    public Page<Waiting> triageQueue(PageRequest page) {
        return intakes.triageQueue(page).map(i -> {
            Triage.Recommendation r = recommendationIfScreened(i.id);
            return new Waiting(i, !riskFlags.openCodes(i.id).isEmpty(), r == null ? null : r.pathway());
        });
    }

    /** The recommendation once there is something to recommend from, else null. */
    private Triage.Recommendation recommendationIfScreened(UUID intakeId) {
        return screened(intakeId) || !riskFlags.openCodes(intakeId).isEmpty() ? recommendation(intakeId) : null;
    }

    private boolean screened(UUID intakeId) {
        return !tenant.select(Screening.class, "e.intakeId = :intake", null, Map.of("intake", intakeId))
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private Triage.Recommendation recommendation(UUID intakeId) {
        return recommendation(intakeId, f -> true);
    }

    /**
     * What the client reads: from their screenings and the flags their answers raised, never from a flag a
     * practitioner raised by hand, which the client learns of from the practitioner (a client reads a flag's
     * wording only in the answer to their own submission).
     */
    private Triage.Recommendation recommendationForClient(UUID intakeId) {
        return screened(intakeId) ? recommendation(intakeId, f -> RiskFlag.ITEM.equals(f.source)) : null;
    }

    private Triage.Recommendation recommendation(UUID intakeId, java.util.function.Predicate<RiskFlag> counted) {
        return Triage.recommend(
                Triage.latestOfEach(summaries(screeningsNewestFirst(intakeId))),
                riskFlags.triageCodes(intakeId, counted),
                policies.current(),
                wantsNoHelpNow(intakeId));
    }

    /** Whether the intake's client said they want no help now: one of the triage rules' inputs. */
    boolean wantsNoHelpNow(UUID intakeId) {
        return preferences.of(intakeId).map(ClientPreference::wantsNoHelpNow).orElse(false);
    }

    /** The intake's screenings, newest first. */
    List<Screening> screeningsNewestFirst(UUID intakeId) {
        return tenant.select(
                        Screening.class,
                        "e.intakeId = :intake",
                        "e.scoredAt desc, e.id desc",
                        Map.of("intake", intakeId))
                .getResultList();
    }

    /**
     * The newest two screenings of each instrument of the intake, newest first: all that the recommendation with
     * and without the newest screening reads, so a screening in monitoring does not load the intake's whole
     * history (weekly measures for a year are ~50 per instrument).
     */
    List<Screening> newestTwoOfEachInstrument(UUID intakeId) {
        return tenant.select(
                        Screening.class,
                        "e.intakeId = :intake and e.id in (select r.id from (select s.id as id, row_number() over "
                                + "(partition by s.instrumentCode order by s.scoredAt desc, s.id desc) as nth "
                                + "from Screening s where s.intakeId = :intake) r where r.nth <= 2)",
                        "e.scoredAt desc, e.id desc",
                        Map.of("intake", intakeId))
                .getResultList();
    }

    /** What the triage rules read of each screening, in the same order; answers only where a rule reads an item. */
    static List<Triage.ScoreSummary> summaries(List<Screening> screenings) {
        return screenings.stream()
                .map(s -> new Triage.ScoreSummary(
                        s.instrumentCode,
                        s.total,
                        s.severity,
                        BuiltInInstruments.READINESS.equals(s.instrumentCode) ? s.answerMap() : Map.of()))
                .toList();
    }

    /** The intake's decision, once it is decided. */
    Optional<Decision> decisionOf(UUID intakeId) {
        return tenant.select(Decision.class, "e.intakeId = :intake", null, Map.of("intake", intakeId))
                .getResultStream()
                .findFirst();
    }

    /** A decision, what its {@code intake.decided} asks of session-service, and the client's preference beside it. */
    public record Decided(Decision decision, EngagementDraft engagementDraft, ClientPreference clientPreference) {}

    @Transactional
    public Decided decide(UUID intakeId, Pathway pathway, String practitionerId, String reason) {
        Intake intake = intakes.require(intakeId, IntakePolicy.Action.DECIDE);
        // One at a time with a preference being recorded (ClientPreferences.record): the decision carries the last.
        em.lock(intake, LockModeType.PESSIMISTIC_WRITE);
        Decision named = new Decision();
        named.tenantId = intake.tenantId;
        named.intakeId = intake.id;
        named.practitionerId = practitionerId;
        access.decision().requireRecord(callerContext.caller(), named);
        if (decisionOf(intakeId).isPresent()) {
            throw ProblemException.conflict("This intake has been decided already.");
        }
        Triage.Recommendation recommended = recommendation(intakeId);
        List<Violation> errors = new ArrayList<>();
        if (pathway != recommended.pathway() && (reason == null || reason.isBlank())) {
            errors.add(new Violation(
                    "reason",
                    "is required when the pathway differs from the recommended "
                            + recommended.pathway().code()));
        }
        if (pathway == Pathway.INTEGRATED
                && (practitionerId == null
                        || !eligibility.holds(
                                intake.tenantId, practitionerId, EligibilityRegister.INTEGRATED_PRACTICE))) {
            errors.add(new Violation("practitionerId", "is not eligible for integrated practice"));
        }
        Violation.refuseAny("The decision breaks a rule", errors);
        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.tenantId = intake.tenantId;
        d.intakeId = intake.id;
        d.pathway = pathway.code();
        d.recommendedPathway = recommended.pathway().code();
        d.practitionerId = practitionerId;
        d.reason(reason);
        d.decidedBy = callerContext.subject();
        d.decidedAt = Instant.now();
        em.persist(d);
        intake.status = Intake.DECIDED;
        audit.record("decide", "intake", intake.id, null);
        ClientPreference preference = preferences.of(intakeId).orElse(null);
        outbox.publish(new IntakeEvents.Decided(
                intake.id,
                intake.clientSubject,
                d.pathway,
                d.recommendedPathway,
                practitionerId,
                intake.sponsorOrganisation,
                preference == null ? null : preference.preference));
        return new Decided(d, EngagementDraft.of(pathway, intake.clientSubject, practitionerId), preference);
    }
}
