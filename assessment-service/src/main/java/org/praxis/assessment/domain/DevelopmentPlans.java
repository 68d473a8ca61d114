package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.assessment.domain.access.DevelopmentActionPolicy;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/**
 * A practitioner's development plan: actions for competences of the tenant's current framework,
 * each planned once and marked done once.
 */
@ApplicationScoped
public class DevelopmentPlans {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    @Inject
    Practitioners practitioners;

    @Inject
    Frameworks frameworks;

    @Inject
    Settings settings;

    @Inject
    AccessPolicies policies;

    @Transactional
    public DevelopmentAction plan(String practitioner, String competenceCode, String action, LocalDate dueOn) {
        practitioners.existing(practitioner);
        policies.developmentAction()
                .require(
                        policies.caller(),
                        DevelopmentActionPolicy.Action.CREATE,
                        DevelopmentActionPolicy.proposed(practitioner),
                        practitioner);
        Settings.Values s = settings.current();
        if (!frameworks.get(s.frameworkCode(), s.frameworkVersion()).hasCompetence(competenceCode)) {
            throw ProblemException.unprocessable(
                    "Unknown competence", List.of(new Violation("competenceCode", "is not in the current framework")));
        }
        DevelopmentAction d = new DevelopmentAction();
        d.id = UUID.randomUUID();
        d.tenantId = callerContext.tenantId();
        d.practitionerId = practitioner;
        d.competenceCode = competenceCode;
        d.action(action);
        d.dueOn = dueOn;
        d.createdBy = callerContext.subject();
        d.createdAt = Instant.now();
        em.persist(d);
        audit.record("create", "development-action", d.id, null);
        return d;
    }

    @Transactional
    public DevelopmentAction markDone(String practitioner, UUID actionId) {
        DevelopmentAction d = tenant.select(
                        DevelopmentAction.class,
                        "e.id = :id and e.practitionerId = :p",
                        null,
                        Map.of("id", actionId, "p", practitioner))
                .getResultStream()
                .findFirst()
                .orElse(null);
        policies.developmentAction().require(policies.caller(), DevelopmentActionPolicy.Action.COMPLETE, d, actionId);
        if (d.doneAt != null) {
            throw ProblemException.conflict("The action is already done.");
        }
        d.doneAt = Instant.now();
        audit.record("complete", "development-action", d.id, null);
        return d;
    }

    /**
     * The practitioner's development plan, newest first, as far as the caller may see it; {@code done}
     * (when given) keeps only the actions done or only those still open.
     */
    public Page<DevelopmentAction> plan(String practitioner, PageRequest page, Boolean done) {
        practitioners.existing(practitioner);
        DevelopmentActionPolicy policy = policies.developmentAction();
        policy.requireView(policies.caller(), DevelopmentActionPolicy.proposed(practitioner), practitioner);
        Map<String, Object> params = new HashMap<>(Map.of("p", practitioner));
        List<String> where = new ArrayList<>(
                List.of("e.practitionerId = :p", "(" + policy.listFilter(policies.caller(), params) + ")"));
        if (done != null) {
            where.add(done ? "e.doneAt is not null" : "e.doneAt is null");
        }
        return tenant.pageNewestFirst(DevelopmentAction.class, where, params, page, "e.createdAt");
    }
}
