package org.praxis.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.referral.domain.access.CaseloadPolicy;
import org.praxis.referral.domain.access.ReferralPolicy;
import org.praxis.referral.domain.access.SelfHelpOfferPolicy;

/**
 * Replicas of what other services know about practitioners' caseloads, fed by their events:
 * engagements (session-service's {@code engagement.status-changed}) and supervision
 * (assessment-service's {@code practitioner.supervisor-changed}). Nobody supervises anybody and
 * no engagement is known until those services say so.
 */
@ApplicationScoped
public class Caseloads {
    private static final Set<String> ACCEPTED = Set.of("active", "paused", "follow-up");
    /** Referrals intake-service's events drafted about the intake's own client. */
    private static final List<String> DRAFTED_FROM_INTAKE =
            List.of(Referral.FROM_RISK_FLAG, Referral.FROM_INTAKE_DECISION);

    @Inject
    EntityManager em;

    @Inject
    SupervisionRegister supervision;

    @Inject
    ReferralHistory history;

    public Optional<KnownEngagement> engagement(String tenantId, UUID id) {
        List<?> rows = em.createNativeQuery(
                        "select engagement_id, client_subject, practitioner_id, status from known_engagement"
                                + " where tenant_id = ?1 and engagement_id = ?2 and accepted")
                .setParameter(1, tenantId)
                .setParameter(2, id)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new KnownEngagement((UUID) row[0], (String) row[1], (String) row[2], (String) row[3]));
    }

    /** True when {@code client} is the client of an engagement of one of {@code practitioners} that the client accepted. */
    public boolean clientOf(String tenantId, String client, Set<String> practitioners) {
        if (client == null || practitioners.isEmpty()) {
            return false;
        }
        Number n = (Number) em.createNativeQuery("select count(*) from known_engagement where tenant_id = ?1"
                        + " and client_subject = ?2 and practitioner_id in (?3) and accepted")
                .setParameter(1, tenantId)
                .setParameter(2, client)
                .setParameter(3, practitioners)
                .getSingleResult();
        return n.longValue() > 0;
    }

    public Set<String> supervisees(String tenantId, String supervisor) {
        return supervisor == null ? Set.of() : Set.copyOf(supervision.keysHolding(tenantId, supervisor));
    }

    public CaseloadPolicy caseload(Caller caller) {
        return new CaseloadPolicy(caller, supervisees(caller.tenantId(), caller.subject()));
    }

    public ReferralPolicy referralPolicy(Caller caller) {
        return new ReferralPolicy(() -> supervisees(caller.tenantId(), caller.subject()));
    }

    public SelfHelpOfferPolicy selfHelpPolicy(Caller caller) {
        return new SelfHelpOfferPolicy(supervisees(caller.tenantId(), caller.subject()));
    }

    /**
     * Checks what a practitioner names in a new referral or offer; 422 naming the fields that are
     * not theirs to name. Returns the practitioner responsible.
     */
    public String requireNameable(Caller caller, String practitioner, UUID engagementId, String client) {
        CaseloadPolicy policy = caseload(caller);
        KnownEngagement engagement = engagementId == null
                ? null
                : engagement(caller.tenantId(), engagementId).orElse(null);
        List<Violation> errors = policy.violations(
                practitioner,
                engagementId == null ? null : engagementId.toString(),
                engagement,
                client,
                clientOf(caller.tenantId(), client, policy.owners(practitioner)));
        Violation.refuseAny(
                "You may name only your own clients and engagements"
                        + " (a supervisor: also those of the practitioners they supervise)",
                errors);
        return policy.responsible(practitioner);
    }

    public void recordEngagement(String tenantId, UUID id, String client, String practitioner, String status) {
        Timestamp now = Timestamp.from(Instant.now());
        // Active, paused and follow-up (after the end review) all mean its client accepted a contract.
        boolean accepted = ACCEPTED.contains(status);
        em.createNativeQuery(
                        "insert into known_engagement (tenant_id, engagement_id, client_subject, practitioner_id, status,"
                                + " accepted, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (tenant_id, engagement_id) do update set"
                                + " client_subject = coalesce(excluded.client_subject, known_engagement.client_subject),"
                                + " practitioner_id = coalesce(excluded.practitioner_id, known_engagement.practitioner_id),"
                                + " status = excluded.status, accepted = known_engagement.accepted or excluded.accepted,"
                                + " updated_at = excluded.updated_at")
                .setParameter(1, tenantId)
                .setParameter(2, id)
                .setParameter(3, client)
                .setParameter(4, practitioner)
                .setParameter(5, status)
                .setParameter(6, accepted)
                .setParameter(7, now)
                .executeUpdate();
    }

    /**
     * session-service handed the engagement to another coach: the known engagement names the new one, and so
     * does each referral of the engagement the old coach was responsible for, and each of the intake it came from
     * that no engagement carries (a risk flag's or a therapy decision's draft about the same client): access moves
     * with the engagement; the referral's history records the move. Only rows still naming the old coach move, so
     * applying it again (or after a newer status change) does nothing.
     */
    public void handOver(String tenantId, UUID id, UUID sourceIntakeId, String from, String to) {
        em.createNativeQuery("update known_engagement set practitioner_id = ?1, updated_at = ?2"
                        + " where tenant_id = ?3 and engagement_id = ?4 and practitioner_id = ?5")
                .setParameter(1, to)
                .setParameter(2, Timestamp.from(Instant.now()))
                .setParameter(3, tenantId)
                .setParameter(4, id)
                .setParameter(5, from)
                .executeUpdate();
        List<Referral> responsible = em.createQuery(
                        "select r from Referral r where r.tenantId = :t and r.practitionerId = :p and (r.engagementId = :e"
                                + " or (r.engagementId is null and r.intakeId = :i and r.origin in :drafted))",
                        Referral.class)
                .setParameter("t", tenantId)
                .setParameter("e", id)
                .setParameter("i", sourceIntakeId == null ? new UUID(0, 0) : sourceIntakeId)
                .setParameter("p", from)
                .setParameter("drafted", DRAFTED_FROM_INTAKE)
                .getResultList();
        move(responsible, to, "hand-over", "the engagement was handed to another coach, who follows the referral now");
    }

    /**
     * intake-service says the intake has another coach: its referrals no engagement carries (a risk flag's or a
     * therapy decision's draft) follow them when they named the coach before, or nobody while the intake waited
     * for one, or an erased coach (intake-service then names no previous coach: the pseudonym is nobody's, and
     * the draft would be nobody's to reach). Only such rows move, so applying it again does nothing. A manual referral's intake id is what its
     * coach typed, so it never moves by it: it could be about another client.
     */
    public void followIntakeCoach(String tenantId, UUID intakeId, String from, String to) {
        TypedQuery<Referral> drafted = em.createQuery(
                        "select r from Referral r where r.tenantId = :t and r.engagementId is null and r.intakeId = :i"
                                + " and r.origin in :drafted and "
                                + (from == null
                                        ? "(r.practitionerId is null or r.practitionerId like :erased)"
                                        : "r.practitionerId = :p"),
                        Referral.class)
                .setParameter("t", tenantId)
                .setParameter("i", intakeId)
                .setParameter("drafted", DRAFTED_FROM_INTAKE);
        if (from != null) {
            drafted.setParameter("p", from);
        } else {
            drafted.setParameter("erased", Pseudonyms.LIKE);
        }
        move(drafted.getResultList(), to, "coach-change", "the intake has another coach, who follows the referral now");
    }

    private void move(List<Referral> referrals, String to, String action, String reason) {
        for (Referral r : referrals) {
            r.practitionerId = to;
            history.step(r, action, reason);
        }
    }

    public void assignSupervisor(String tenantId, String practitioner, String supervisor) {
        supervision.replace(tenantId, practitioner, supervisor == null ? List.of() : List.of(supervisor));
    }
}
