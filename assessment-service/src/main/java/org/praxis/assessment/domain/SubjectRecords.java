package org.praxis.assessment.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.praxis.assessment.events.AssessmentEvents;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.platform.privacy.SubjectErasure;

/**
 * Everything assessment-service holds about a practitioner: export on request, and erasure. Erasure
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

    public record Export(String subject, List<Practitioner> profile, List<Registration> registrations, List<Evidence> evidence,
                         List<SupervisionSession> supervision, List<Assessment> assessments, List<Rating> ratings,
                         List<DevelopmentAction> plan) {
    }

    @Transactional
    public Export export(String subject) {
        List<Assessment> assessments = of(Assessment.class, "e.practitionerId", subject);
        List<UUID> ids = assessments.stream().map(a -> a.id).toList();
        audit.record("export", "subject", subject, "subject access request");
        return new Export(subject, of(Practitioner.class, "e.subject", subject), of(Registration.class, "e.practitionerId", subject),
                of(Evidence.class, "e.practitionerId", subject), of(SupervisionSession.class, "e.superviseeId", subject),
                assessments, ids.isEmpty() ? List.of()
                : tenant.select(Rating.class, "e.assessmentId in :ids", "e.competenceCode", Map.of("ids", ids)).getResultList(),
                of(DevelopmentAction.class, "e.practitionerId", subject));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String subject, String requestId) {
        String pseudonym = Pseudonyms.of(tenant.tenantId(), subject);
        List<Practitioner> profile = of(Practitioner.class, "e.subject", subject);
        profile.forEach(p -> {
            p.subject = pseudonym;
            p.displayName = "erased";
        });
        of(Registration.class, "e.practitionerId", subject).forEach(r -> {
            r.practitionerId = pseudonym;
            r.number = "erased";
        });
        List<Evidence> evidence = of(Evidence.class, "e.practitionerId", subject);
        evidence.forEach(e -> {
            e.practitionerId = pseudonym;
            e.description = null;
        });
        of(SupervisionSession.class, "e.superviseeId", subject).forEach(s -> {
            s.superviseeId = pseudonym;
            s.notes = null;
        });
        List<Assessment> assessments = of(Assessment.class, "e.practitionerId", subject);
        assessments.forEach(a -> a.practitionerId = pseudonym);
        List<UUID> ids = assessments.stream().map(a -> a.id).toList();
        if (!ids.isEmpty()) {
            tenant.select(Rating.class, "e.assessmentId in :ids", null, Map.of("ids", ids)).getResultList()
                    .forEach(r -> r.comment = null);
        }
        of(DevelopmentAction.class, "e.practitionerId", subject).forEach(d -> {
            d.practitionerId = pseudonym;
            d.action = "erased";
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
