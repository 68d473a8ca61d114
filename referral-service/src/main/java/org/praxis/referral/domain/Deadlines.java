package org.praxis.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.ETags;

/** The tenant's answer deadlines: its own once an admin set them, the defaults otherwise. */
@ApplicationScoped
public class Deadlines {
    @Inject
    EntityManager em;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    /** The deadlines and their revision: 0 while the defaults apply, then 1, 2, ... with each change. */
    public record Current(AnswerDeadlines deadlines, long revision) {}

    public Current current() {
        TenantDeadlines stored = em.find(TenantDeadlines.class, callerContext.tenantId());
        return stored == null
                ? new Current(AnswerDeadlines.defaults(), 0)
                : new Current(
                        new AnswerDeadlines(
                                Duration.ofSeconds(stored.emergencySeconds),
                                Duration.ofSeconds(stored.urgentSeconds),
                                Duration.ofSeconds(stored.soonSeconds),
                                Duration.ofSeconds(stored.routineSeconds)),
                        stored.version + 1);
    }

    @Transactional
    public Current replace(AnswerDeadlines deadlines, String ifMatch) {
        Violation.refuseAny("These deadlines cannot be used", deadlines.violations());
        TenantDeadlines stored = em.find(TenantDeadlines.class, callerContext.tenantId());
        ETags.requireMatch(ifMatch, stored == null ? 0 : stored.version + 1);
        if (stored == null) {
            stored = new TenantDeadlines();
            stored.tenantId = callerContext.tenantId();
        }
        stored.emergencySeconds = deadlines.emergency().toSeconds();
        stored.urgentSeconds = deadlines.urgent().toSeconds();
        stored.soonSeconds = deadlines.soon().toSeconds();
        stored.routineSeconds = deadlines.routine().toSeconds();
        stored.updatedBy = callerContext.subject();
        stored.updatedAt = Instant.now();
        stored = em.merge(stored);
        em.flush();
        audit.record("replace", "referral-deadlines", stored.tenantId, null);
        return current();
    }
}
