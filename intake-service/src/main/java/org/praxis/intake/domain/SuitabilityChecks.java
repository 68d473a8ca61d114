package org.praxis.intake.domain;

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
import org.praxis.intake.domain.access.IntakePolicy;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/** Suitability re-checks on a decided intake: recorded by its coach or a supervisor, listed for them. */
@ApplicationScoped
public class SuitabilityChecks {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    Intakes intakes;

    @Inject
    PathwayReview review;

    @Inject
    AuditLog audit;

    /** Records a re-check with the recommendation recomputed now ({@link PathwayReview}); 409 before a decision. */
    @Transactional
    public SuitabilityCheck record(UUID intakeId, String conclusion, String note) {
        Intake intake = intakes.require(intakeId, IntakePolicy.Action.RECHECK_SUITABILITY);
        requireCheckable(intake, conclusion);
        PathwayReview.Review now = review.review(intakeId);
        SuitabilityCheck c = new SuitabilityCheck();
        c.id = UUID.randomUUID();
        c.tenantId = intake.tenantId;
        c.intakeId = intake.id;
        c.decidedPathway = now.decision().pathway;
        c.recomputedPathway = now.recomputed().pathway().code();
        c.conclusion = conclusion;
        c.note(note);
        c.checkedBy = callerContext.subject();
        c.checkedAt = Instant.now();
        em.persist(c);
        // No reason: admins read the audit trail, and the conclusion is clinical.
        audit.record("recheck-suitability", "intake", intake.id, null);
        return c;
    }

    /** 422 for a conclusion not offered, 409 before the decision. */
    private static void requireCheckable(Intake intake, String conclusion) {
        if (!SuitabilityCheck.CONCLUSIONS.contains(conclusion)) {
            Violation.refuseAny(
                    "The suitability check is not valid",
                    List.of(new Violation("conclusion", "must be one of " + SuitabilityCheck.CONCLUSIONS)));
        }
        if (!Intake.DECIDED.equals(intake.status)) {
            throw ProblemException.conflict("Suitability is re-checked once the pathway has been decided.");
        }
    }

    /** The intake's re-checks, newest first, for those who may record them; audited, as they carry clinical notes. */
    @Transactional
    public Page<SuitabilityCheck> ofIntake(UUID intakeId, PageRequest page) {
        intakes.require(intakeId, IntakePolicy.Action.VIEW_SUITABILITY_CHECKS);
        audit.record("list", "suitability-check", intakeId, null);
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of("e.intakeId = :intake"));
        params.put("intake", intakeId);
        return tenant.pageNewestFirst(SuitabilityCheck.class, where, params, page, "e.checkedAt");
    }
}
