package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.praxis.intake.domain.access.TriageSettingsPolicy;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.ETags;

/** The tenant's triage thresholds: its own if an admin set them, DESIGN.md's defaults otherwise. */
@ApplicationScoped
public class TriagePolicies {
    @Inject
    EntityManager em;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    /** The policy and its revision: 0 while the defaults apply, then 1, 2, ... with each change. */
    public record Current(TriagePolicy policy, long revision) {}

    /** The settings as a caller reads them through the API. */
    public Current read() {
        new TriageSettingsPolicy().requireAllowed(callerContext.caller(), TriageSettingsPolicy.Action.VIEW);
        return current();
    }

    public Current current() {
        TenantTriagePolicy stored = em.find(TenantTriagePolicy.class, callerContext.tenantId());
        return stored == null
                ? new Current(TriagePolicy.defaults(), 0)
                : new Current(stored.toPolicy(), stored.version + 1);
    }

    @Transactional
    public Current replace(TriagePolicy policy, String ifMatch) {
        new TriageSettingsPolicy().requireAllowed(callerContext.caller(), TriageSettingsPolicy.Action.REPLACE);
        Violation.refuseAny("The triage thresholds are out of order", policy.violations());
        TenantTriagePolicy stored = em.find(TenantTriagePolicy.class, callerContext.tenantId());
        ETags.requireMatch(ifMatch, stored == null ? 0 : stored.version + 1);
        if (stored == null) {
            stored = new TenantTriagePolicy();
            stored.tenantId = callerContext.tenantId();
        }
        stored.phq9Therapy = policy.phq9Therapy();
        stored.gad7Therapy = policy.gad7Therapy();
        stored.phq9Integrated = policy.phq9Integrated();
        stored.gad7Integrated = policy.gad7Integrated();
        stored.phq9Monitoring = policy.phq9Monitoring();
        stored.gad7Monitoring = policy.gad7Monitoring();
        stored.wsasMonitoring = policy.wsasMonitoring();
        stored.screenPositiveThreshold = policy.screenPositiveThreshold();
        stored.coachesMayClaim = policy.coachesMayClaim();
        stored.updatedBy = callerContext.subject();
        stored.updatedAt = Instant.now();
        stored = em.merge(stored);
        em.flush();
        audit.record("replace", "triage-policy", stored.tenantId, null);
        return new Current(stored.toPolicy(), stored.version + 1);
    }

    /** PHQ-2 and GAD-2 score against the tenant's positive threshold. */
    public Instrument forTenant(Instrument instrument) {
        int threshold = current().policy().screenPositiveThreshold();
        boolean screen = instrument.code().equals(BuiltInInstruments.PHQ2)
                || instrument.code().equals(BuiltInInstruments.GAD2);
        return screen && threshold != TriagePolicy.defaults().screenPositiveThreshold()
                ? BuiltInInstruments.withPositiveThreshold(instrument, threshold)
                : instrument;
    }
}
