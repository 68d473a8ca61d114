package org.praxis.assessment.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.praxis.assessment.events.AssessmentEvents;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.privacy.ExportRequests;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.platform.privacy.SubjectErasure;

/**
 * Everything assessment-service holds about a practitioner: export on a recorded export request, and erasure. Erasure
 * removes their name, registration numbers, descriptions, comments and notes and ties the remaining
 * levels and hours to a pseudonym; any eligibility they held is withdrawn and published as such. What
 * they verified for others stays verified, under the pseudonym.
 */
@ApplicationScoped
public class SubjectRecords implements SubjectErasure {
    @Inject
    EntityManager em;
    @Inject
    TenantQueries tenant;
    @Inject
    OutboxPublisher outbox;
    @Inject
    AuditLog audit;
    @Inject
    Eligibility eligibility;
    @Inject
    ExportRequests exportRequests;

    /** The most rows of each kind one export holds (oldest first); a person with more is exported in part. */
    public static final int EXPORT_ROWS = ExportRequests.MAX_ROWS_PER_LIST;

    public record Export(String subject, List<Practitioner> profile, List<Registration> registrations, List<Evidence> evidence,
                         List<SupervisionSession> supervision, List<Assessment> assessments, List<Rating> ratings,
                         List<DevelopmentAction> plan) {
    }

    /**
     * Everything held about {@code subject}, on a recorded export request that is ready: its use is
     * counted and audited with the request and its reason, in this transaction, before anything is read.
     * Each list holds at most {@link #EXPORT_ROWS} rows, oldest first.
     */
    @Transactional
    public Export export(String subject, UUID request) {
        exportRequests.use(request, subject);
        Map<String, Object> s = Map.of("s", subject);
        return new Export(subject,
                capped(tenant.select(Practitioner.class, "e.subject = :s", "e.createdAt, e.id", s)),
                capped(tenant.select(Registration.class, "e.practitionerId = :s", "e.createdAt, e.id", s)),
                capped(tenant.select(Evidence.class, "e.practitionerId = :s", "e.recordedAt, e.id", s)),
                capped(tenant.select(SupervisionSession.class, "e.superviseeId = :s", "e.recordedAt, e.id", s)),
                capped(tenant.select(Assessment.class, "e.practitionerId = :s", "e.openedAt, e.id", s)),
                capped(tenant.select(Rating.class, "e.assessmentId in (select a.id from Assessment a"
                        + " where a.tenantId = e.tenantId and a.practitionerId = :s)", "e.ratedAt, e.id", s)),
                capped(tenant.select(DevelopmentAction.class, "e.practitionerId = :s", "e.createdAt, e.id", s)));
    }

    private static <E> List<E> capped(TypedQuery<E> query) {
        return query.setMaxResults(EXPORT_ROWS).getResultList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String subject, String requestId) {
        String pseudonym = Pseudonyms.of(tenant.tenantId(), subject);
        List<Practitioner> profile = of(Practitioner.class, "e.subject", subject);
        profile.forEach(p -> {
            p.subject = pseudonym;
            p.displayName("erased");
        });
        of(Registration.class, "e.practitionerId", subject).forEach(r -> {
            r.practitionerId = pseudonym;
            r.number("erased");
        });
        List<Evidence> evidence = of(Evidence.class, "e.practitionerId", subject);
        evidence.forEach(e -> {
            e.practitionerId = pseudonym;
            e.description(null);
        });
        of(SupervisionSession.class, "e.superviseeId", subject).forEach(s -> {
            s.superviseeId = pseudonym;
            s.notes(null);
        });
        List<Assessment> assessments = of(Assessment.class, "e.practitionerId", subject);
        assessments.forEach(a -> a.practitionerId = pseudonym);
        List<UUID> ids = assessments.stream().map(a -> a.id).toList();
        if (!ids.isEmpty()) {
            tenant.select(Rating.class, "e.assessmentId in :ids", null, Map.of("ids", ids)).getResultList()
                    .forEach(r -> r.comment(null));
        }
        of(DevelopmentAction.class, "e.practitionerId", subject).forEach(d -> {
            d.practitionerId = pseudonym;
            d.action("erased");
        });
        // What they verified stays verified (it still counts for the practitioner), under their pseudonym.
        for (String entity : List.of("Evidence", "SupervisionSession", "Registration")) {
            em.createQuery("update " + entity + " e set e.verifiedBy = :pseudonym where e.tenantId = :t and e.verifiedBy = :s")
                    .setParameter("pseudonym", pseudonym).setParameter("t", tenant.tenantId()).setParameter("s", subject)
                    .executeUpdate();
        }
        // Withdraw what they held under their own id, so intake and session stop assigning work to it.
        eligibility.refresh(subject);
        audit.record("erase", "subject", pseudonym, "erasure request " + requestId);
        outbox.publish(AssessmentEvents.SUBJECT_ERASED, requestId,
                new AssessmentEvents.SubjectErased(requestId, "assessment-service", profile.size(), evidence.size()));
    }

    private <E> List<E> of(Class<E> type, String field, String subject) {
        return tenant.select(type, field + " = :s", null, Map.of("s", subject)).getResultList();
    }
}
