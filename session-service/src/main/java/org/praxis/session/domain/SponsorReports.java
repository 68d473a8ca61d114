package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.session.domain.access.SponsorReportPolicy;

/** What a sponsor may see of an engagement's sessions under the contract in force (out of {@link Sessions}). */
@ApplicationScoped
public class SponsorReports {
    @Inject
    TenantQueries tenant;

    @Inject
    Contracts contracts;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    @Inject
    ProgressSummaries summaries;

    /**
     * The report on the contract version in force, for the sponsor that version names and for a
     * supervisor of the practitioner ({@link SponsorReportPolicy}); 404 to anyone else, so a sponsor
     * learns nothing of engagements outside their own contracts. Audited.
     */
    @Transactional
    public SponsorReport of(UUID engagementId) {
        Engagement e = tenant.get(Engagement.class, engagementId, "Engagement");
        SponsorReportPolicy policy = policies.sponsorReports();
        Contracts.Version inForce = contracts
                .inForce(engagementId)
                .filter(v -> policy.canView(policies.caller(), v.contract()))
                .orElseThrow(() -> ProblemException.notFound("Engagement " + engagementId));
        audit.record("read-sponsor-report", "engagement", e.id, null);
        return SponsorReport.of(
                e,
                inForce.contract().number,
                inForce.contract().disclosure(),
                all(engagementId),
                inForce.contract().disclosure().progressSummaries() ? summaries.approvedTexts(e.id) : List.of());
    }

    private List<CoachingSession> all(UUID engagementId) {
        return tenant.select(
                        CoachingSession.class,
                        "e.engagementId = :e",
                        "e.scheduledAt asc, e.id asc",
                        Map.of("e", engagementId))
                .getResultList();
    }
}
