package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.praxis.assessment.domain.access.EvidencePolicy;
import org.praxis.assessment.domain.access.SupervisionRecordPolicy;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.CallerContext;

/**
 * Issue 16 (hole 6): what a practitioner types in counts toward eligibility only once someone else
 * has verified it. Their supervisor verifies evidence (practice hours) and supervision sessions;
 * each verification records who and when, is audited, and recomputes eligibility.
 * (Registrations are verified by an admin, in {@link Practitioners#verifyRegistration}.)
 */
@ApplicationScoped
public class Verifications {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    @Inject
    Eligibility eligibility;

    @Inject
    AccessPolicies policies;

    @Transactional
    public Evidence verifyEvidence(String practitioner, UUID id) {
        Evidence e = tenant.select(
                        Evidence.class,
                        "e.id = :id and e.practitionerId = :p",
                        null,
                        Map.of("id", id, "p", practitioner))
                .getResultStream()
                .findFirst()
                .orElse(null);
        policies.evidence().require(policies.caller(), EvidencePolicy.Action.VERIFY, e, id);
        if (e.verifiedAt != null) {
            throw ProblemException.conflict("The evidence is already verified.");
        }
        e.verifiedBy = callerContext.subject();
        e.verifiedAt = Instant.now();
        em.flush();
        audit.record("verify", "evidence", e.id, null);
        eligibility.refresh(practitioner);
        return e;
    }

    @Transactional
    public SupervisionSession verifySupervision(String supervisee, UUID id) {
        SupervisionSession s = tenant.select(
                        SupervisionSession.class,
                        "e.id = :id and e.superviseeId = :p",
                        null,
                        Map.of("id", id, "p", supervisee))
                .getResultStream()
                .findFirst()
                .orElse(null);
        policies.supervision().require(policies.caller(), SupervisionRecordPolicy.Action.VERIFY, s, id);
        if (s.verifiedAt != null) {
            throw ProblemException.conflict("The supervision session is already verified.");
        }
        s.verifiedBy = callerContext.subject();
        s.verifiedAt = Instant.now();
        em.flush();
        audit.record("verify", "supervision-session", s.id, null);
        eligibility.refresh(supervisee);
        return s;
    }
}
