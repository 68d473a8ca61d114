package org.praxis.intake.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.praxis.intake.domain.access.SubjectExportPolicy;
import org.praxis.intake.events.IntakeEvents;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.platform.privacy.SubjectErasure;

/**
 * Everything intake holds about one person: export on request, and erasure. Erasure pseudonymises:
 * names, free text, answers and notes go; scores, flags and decisions stay under the safety-record
 * retention rule, tied to a pseudonym instead of the person.
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
    CallerContext callerContext;

    public record Export(String subject, List<Intake> intakes, List<Assignment> assignments, List<Screening> screenings,
                         List<RiskFlag> riskFlags, List<RiskFlagStep> riskFlagSteps, List<Decision> decisions) {
    }

    @Transactional
    public Export export(String subject) {
        new SubjectExportPolicy().requireAllowed(callerContext.caller(), SubjectExportPolicy.Action.EXPORT);
        List<Intake> intakes = intakesOf(subject);
        List<UUID> ids = intakes.stream().map(i -> i.id).toList();
        List<RiskFlag> flags = byIntake(RiskFlag.class, ids);
        List<UUID> flagIds = flags.stream().map(f -> f.id).toList();
        List<RiskFlagStep> steps = flagIds.isEmpty() ? List.of() : tenant.select(RiskFlagStep.class,
                "e.riskFlagId in :ids", "e.at", Map.of("ids", flagIds)).getResultList();
        audit.record("export", "subject", subject, "subject access request");
        return new Export(subject, intakes, tenant.select(Assignment.class, "e.clientSubject = :s", "e.createdAt",
                Map.of("s", subject)).getResultList(), byIntake(Screening.class, ids), flags, steps,
                byIntake(Decision.class, ids));
    }

    /** Applies an erasure request for the current tenant (called in the inbox transaction). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String subject, String requestId) {
        List<Intake> intakes = intakesOf(subject);
        String pseudonym = Pseudonyms.of(tenant.tenantId(), subject);
        List<UUID> ids = intakes.stream().map(i -> i.id).toList();
        for (Intake i : intakes) {
            i.clientSubject = pseudonym;
            i.displayName("erased");
            i.presentingConcerns(null);
            i.hopedForOutcomes(null);
        }
        for (Screening s : byIntake(Screening.class, ids)) {
            s.answers("{}");
        }
        for (Decision d : byIntake(Decision.class, ids)) {
            d.reason(null);
        }
        List<UUID> flagIds = byIntake(RiskFlag.class, ids).stream().map(f -> f.id).toList();
        if (!flagIds.isEmpty()) {
            tenant.select(RiskFlagStep.class, "e.riskFlagId in :ids", null, Map.of("ids", flagIds)).getResultList()
                    .forEach(step -> step.note(null));
        }
        em.createQuery("delete from Assignment a where a.tenantId = :t and a.clientSubject = :s")
                .setParameter("t", tenant.tenantId()).setParameter("s", subject).executeUpdate();
        audit.record("erase", "subject", pseudonym, "erasure request " + requestId);
        outbox.publish(IntakeEvents.SUBJECT_ERASED, requestId,
                new IntakeEvents.SubjectErased(requestId, "intake-service", intakes.size()));
    }

    private List<Intake> intakesOf(String subject) {
        return tenant.select(Intake.class, "e.clientSubject = :s", "e.createdAt", Map.of("s", subject)).getResultList();
    }

    private <E> List<E> byIntake(Class<E> type, List<UUID> intakeIds) {
        if (intakeIds.isEmpty()) {
            return List.of();
        }
        return tenant.select(type, "e.intakeId in :ids", null, Map.of("ids", intakeIds)).getResultList();
    }
}
