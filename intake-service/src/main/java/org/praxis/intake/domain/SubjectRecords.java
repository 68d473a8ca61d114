package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.intake.domain.events.IntakeEvents;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.privacy.PlatformRecords;
import org.praxis.platform.privacy.SubjectErasure;
import org.praxis.platform.privacy.SubjectExports;

/**
 * Everything intake holds about one person: export on request, and erasure. Erasure pseudonymises:
 * names, free text, answers and notes go; scores, flags and decisions stay under the safety-record
 * retention rule, tied to a pseudonym instead of the person. The person is erased in every role they
 * had, client or practitioner ({@link #PERSON_COLUMNS}).
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
    SubjectExports exports;

    @Inject
    PlatformRecords platformRecords;

    @Inject
    EligibilityRegister eligibility;

    @Inject
    SupervisionRegister supervision;

    public record Export(
            String subject,
            List<Intake> intakes,
            List<Assignment> assignments,
            List<Screening> screenings,
            List<RiskFlag> riskFlags,
            List<RiskFlagStep> riskFlagSteps,
            List<Decision> decisions,
            List<ClientPreference> clientPreferences,
            List<SuitabilityCheck> suitabilityChecks) {}

    /**
     * Everything held about {@code subject}, on a recorded export request that is ready: its use is
     * counted and audited with the request and its reason, in this transaction, before anything is read.
     * Each list holds at most {@link SubjectExports#ROWS} rows, oldest first.
     */
    @Transactional
    public Export export(String subject, UUID request) {
        exports.open(subject, request);
        List<Intake> intakes =
                exports.rows(Intake.class, "e.clientSubject = :s", "e.createdAt, e.id", Map.of("s", subject));
        List<UUID> ids = intakes.stream().map(i -> i.id).toList();
        List<RiskFlag> flags = exports.rowsIn(RiskFlag.class, "intakeId", ids, "e.raisedAt, e.id");
        return new Export(
                subject,
                intakes,
                exports.rows(Assignment.class, "e.clientSubject = :s", "e.createdAt, e.id", Map.of("s", subject)),
                exports.rowsIn(Screening.class, "intakeId", ids, "e.scoredAt, e.id"),
                flags,
                exports.rowsIn(
                        RiskFlagStep.class,
                        "riskFlagId",
                        flags.stream().map(f -> f.id).toList(),
                        "e.at, e.id"),
                exports.rowsIn(Decision.class, "intakeId", ids, "e.decidedAt, e.id"),
                exports.rowsIn(ClientPreference.class, "intakeId", ids, "e.recordedAt, e.id"),
                exports.rowsIn(SuitabilityCheck.class, "intakeId", ids, "e.checkedAt, e.id"));
    }

    /**
     * Every column that may name a person, in any role: a client, their coach, whoever opened, assigned,
     * screened, flagged, moved, decided, preferred or re-checked, set the triage policy or the client wording, or published an instrument. Kept rows name
     * the pseudonym instead. The client's own assignments, a practitioner's eligibility and supervisor are deleted.
     */
    static final Map<String, List<String>> PERSON_COLUMNS = Map.ofEntries(
            Map.entry("intake", List.of("client_subject", "assigned_coach", "assigned_by", "created_by")),
            Map.entry("assignment", List.of("created_by")),
            Map.entry("screening", List.of("submitted_by")),
            Map.entry("risk_flag", List.of("raised_by")),
            Map.entry("risk_flag_step", List.of("actor")),
            Map.entry("decision", List.of("practitioner_id", "decided_by")),
            Map.entry("client_preference", List.of("preferred_coach", "recorded_by")),
            Map.entry("suitability_check", List.of("checked_by")),
            Map.entry("triage_policy", List.of("updated_by")),
            Map.entry("client_wording", List.of("updated_by")),
            Map.entry("tenant_instrument", List.of("created_by")),
            Map.entry("practitioner_supervisor", List.of("supervisor_id")));

    /** Applies an erasure request for the current tenant (called in the inbox transaction). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String subject, String requestId) {
        List<Intake> intakes = intakesOf(subject);
        List<UUID> ids = intakes.stream().map(i -> i.id).toList();
        for (Intake i : intakes) {
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
        for (ClientPreference p : byIntake(ClientPreference.class, ids)) {
            p.note(null);
        }
        for (SuitabilityCheck c : byIntake(SuitabilityCheck.class, ids)) {
            c.note(null);
        }
        List<UUID> flagIds =
                byIntake(RiskFlag.class, ids).stream().map(f -> f.id).toList();
        if (!flagIds.isEmpty()) {
            tenant.select(RiskFlagStep.class, "e.riskFlagId in :ids", null, Map.of("ids", flagIds))
                    .getResultList()
                    .forEach(step -> step.note(null));
        }
        em.createQuery("delete from Assignment a where a.tenantId = :t and a.clientSubject = :s")
                .setParameter("t", tenant.tenantId())
                .setParameter("s", subject)
                .executeUpdate();
        // An erased coach's intakes are nobody's: a pseudonym coaches nobody and no supervisor supervises it. Open
        // ones go back to the triage queue; decided ones (monitoring goes on, flags may be raised) reach every
        // supervisor until one assigns a coach or the engagement's handover brings one.
        tenant.select(Intake.class, "e.assignedCoach = :s", null, Map.of("s", subject))
                .getResultList()
                .forEach(i -> i.assignedCoach = null);
        // An erased practitioner holds no eligibility and has no supervisor; whom they supervised keeps the link.
        eligibility.replace(tenant.tenantId(), subject, List.of());
        supervision.replace(tenant.tenantId(), subject, List.of());
        platformRecords.pseudonymiseAndAudit(tenant.tenantId(), subject, requestId, PERSON_COLUMNS);
        outbox.publish(new IntakeEvents.SubjectErased(requestId, "intake-service", intakes.size()));
    }

    private List<Intake> intakesOf(String subject) {
        return tenant.select(Intake.class, "e.clientSubject = :s", "e.createdAt", Map.of("s", subject))
                .getResultList();
    }

    private <E> List<E> byIntake(Class<E> type, List<UUID> intakeIds) {
        if (intakeIds.isEmpty()) {
            return List.of();
        }
        return tenant.select(type, "e.intakeId in :ids", null, Map.of("ids", intakeIds))
                .getResultList();
    }
}
