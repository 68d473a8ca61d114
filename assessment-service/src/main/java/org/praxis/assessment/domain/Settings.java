package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.praxis.assessment.domain.access.SettingsPolicy;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.ETags;

/**
 * The tenant's current framework and its eligibility minimums; until an admin sets them, the
 * built-in framework with 100 practice hours and 10 supervision hours.
 */
@ApplicationScoped
public class Settings {
    public static final int DEFAULT_PRACTICE_MINUTES = 100 * 60;
    public static final int DEFAULT_SUPERVISION_MINUTES = 10 * 60;

    @Inject
    EntityManager em;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    @Inject
    Frameworks frameworks;

    @Inject
    AccessPolicies policies;

    @Inject
    Eligibility eligibility;

    public record Current(
            String frameworkCode,
            int frameworkVersion,
            int minPracticeMinutes,
            int minSupervisionMinutes,
            long revision) {}

    public Current current() {
        AssessmentSettings s = em.find(AssessmentSettings.class, callerContext.tenantId());
        return s == null
                ? new Current(
                        BuiltInFramework.CODE,
                        BuiltInFramework.VERSION,
                        DEFAULT_PRACTICE_MINUTES,
                        DEFAULT_SUPERVISION_MINUTES,
                        0)
                : new Current(
                        s.frameworkCode,
                        s.frameworkVersion,
                        s.minPracticeMinutes,
                        s.minSupervisionMinutes,
                        s.version + 1);
    }

    /** The current settings, for a caller who may read them ({@link SettingsPolicy}). */
    public Current visible() {
        return policies.settings().requireView(policies.caller(), current(), "of your tenant");
    }

    /** Replaces them and, in the same transaction, recomputes every practitioner's eligibility against them. */
    @Transactional
    public Current replace(
            String frameworkCode,
            int frameworkVersion,
            int minPracticeMinutes,
            int minSupervisionMinutes,
            String ifMatch) {
        policies.settings().require(policies.caller(), SettingsPolicy.Action.REPLACE, current(), "of your tenant");
        AssessmentSettings s = em.find(AssessmentSettings.class, callerContext.tenantId());
        ETags.requireMatch(ifMatch, s == null ? 0 : s.version + 1);
        try {
            frameworks.get(frameworkCode, frameworkVersion);
        } catch (ProblemException e) {
            throw ProblemException.unprocessable(
                    "No such framework version",
                    List.of(new Violation("frameworkVersion", "is not a published version of " + frameworkCode)));
        }
        if (s == null) {
            s = new AssessmentSettings();
            s.tenantId = callerContext.tenantId();
        }
        s.frameworkCode = frameworkCode;
        s.frameworkVersion = frameworkVersion;
        s.minPracticeMinutes = minPracticeMinutes;
        s.minSupervisionMinutes = minSupervisionMinutes;
        s.updatedBy = callerContext.subject();
        s.updatedAt = Instant.now();
        s = em.merge(s);
        em.flush();
        audit.record("replace", "assessment-settings", s.tenantId, null);
        eligibility.refreshEveryone();
        return current();
    }
}
