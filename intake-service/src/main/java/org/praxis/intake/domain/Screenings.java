package org.praxis.intake.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.praxis.intake.domain.access.IntakePolicy;
import org.praxis.intake.domain.access.Policies;
import org.praxis.intake.domain.access.ScreeningPolicy;
import org.praxis.intake.domain.events.IntakeEvents;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/**
 * Scores a response on the server and stores it with the rule versions; raises the risk flags its
 * items call for, in the same transaction, so {@code risk-flag.raised} leaves with the score; a later
 * score of an instrument is followed against its baseline ({@link TrajectoryChanges}).
 */
@ApplicationScoped
public class Screenings {
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
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    TriagePolicies policies;

    @Inject
    Instruments instruments;

    @Inject
    Policies access;

    @Inject
    TrajectoryChanges trajectories;

    @Inject
    PathwayReview pathwayReview;

    public record Submitted(Screening screening, List<RiskFlag> flags) {}

    @Transactional
    public Submitted submit(UUID intakeId, String instrumentCode, Map<String, Integer> answers) {
        Caller caller = callerContext.caller();
        Intake intake = intakes.require(intakeId, IntakePolicy.Action.SUBMIT_SCREENING);
        Instrument instrument = policies.forTenant(instruments.require(instrumentCode));
        Violation.refuseAny("The answers do not fit " + instrument.code(), Scorer.violations(instrument, answers));
        Score score = Scorer.score(instrument, answers);
        Screening s = new Screening();
        s.id = UUID.randomUUID();
        s.tenantId = intake.tenantId;
        s.intakeId = intake.id;
        s.instrumentCode = instrument.code();
        s.instrumentVersion = instrument.version();
        s.scoringVersion = instrument.scoringVersion();
        s.answers(toJson(answers));
        s.total = score.total();
        s.severity = score.severity();
        s.percent = score.percent();
        s.submittedBy = caller.subject();
        s.scoredAt = Instant.now();
        completeAssignment(intake, s);
        em.persist(s);
        em.flush();
        audit.record("create", "screening", s.id, null);
        outbox.publish(new IntakeEvents.ScreeningScored(
                s.id,
                intake.id,
                intake.clientSubject,
                s.instrumentCode,
                s.instrumentVersion,
                s.scoringVersion,
                s.total,
                s.severity,
                s.engagementId,
                s.measureId));
        List<RiskFlag> flags = new ArrayList<>(score.flags().stream()
                .map(f -> riskFlags.raise(intake, s.id, f.code(), f.level(), RiskFlag.ITEM, null))
                .toList());
        trajectories.follow(intake, instrument, s).ifPresent(flags::add);
        pathwayReview.afterScreening(intake, s);
        return new Submitted(s, List.copyOf(flags));
    }

    /** The oldest open assignment of the instrument is done; one from a monitoring measure names it on the screening. */
    private void completeAssignment(Intake intake, Screening s) {
        tenant.select(
                        Assignment.class,
                        "e.intakeId = :intake and e.instrumentCode = :code and e.status = :open",
                        "e.createdAt asc",
                        Map.of("intake", intake.id, "code", s.instrumentCode, "open", Assignment.OPEN))
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .ifPresent(a -> {
                    a.status = Assignment.COMPLETED;
                    a.screeningId = s.id;
                    s.engagementId = a.engagementId;
                    s.measureId = a.measureId;
                });
    }

    /** One page of the scores of an intake the caller sees (404 otherwise), filtered by the screening policy. */
    public Page<Screening> ofIntake(UUID intakeId, PageRequest page) {
        intakes.readable(intakeId);
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(
                List.of(access.screening().listFilter(callerContext.caller(), params), "e.intakeId = :intake"));
        params.put("intake", intakeId);
        return tenant.pageNewestFirst(Screening.class, where, params, page, "e.scoredAt");
    }

    /** A screening with its answers: as the screening policy says, and every read is audited. */
    @Transactional
    public Screening withAnswers(UUID intakeId, UUID screeningId) {
        Screening s = tenant.find(Screening.class, screeningId)
                .filter(found -> found.intakeId.equals(intakeId))
                .orElseThrow(() -> ProblemException.notFound("Screening " + screeningId));
        access.screening().require(callerContext.caller(), ScreeningPolicy.Action.VIEW_ANSWERS, s, screeningId);
        audit.record("read-answers", "screening", s.id, null);
        return s;
    }

    /** Whether the caller reads the screening's band and flag codes, or only wording ({@link ScreeningPolicy}). */
    public boolean showsCodes(Screening s) {
        return access.screening().canViewCodes(callerContext.caller(), s);
    }

    /**
     * {@link #showsCodes} for every screening of {@code intakeId}, which all answer alike: a page of them asks
     * once (a supervisor's answer reads whom they supervise).
     */
    public Predicate<Screening> showsCodesOfIntake(UUID intakeId) {
        Screening any = new Screening();
        any.intakeId = intakeId;
        boolean shows = showsCodes(any);
        return s -> shows;
    }

    private String toJson(Map<String, Integer> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answers of a screening read with {@link #withAnswers}, by item link id. */
    public Map<String, Integer> answersOf(Screening s) {
        return s.answerMap();
    }
}
