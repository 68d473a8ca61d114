package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.praxis.assessment.domain.access.EvidencePolicy;
import org.praxis.platform.security.CallerContext;

/**
 * A practitioner's client feedback as evidence (issue 22), beside their outcomes ({@link PractitionerOutcomes}):
 * each batch of answers session-service aggregated adds, once, to sums per practitioner; nothing about a client,
 * an engagement or a session is kept (session-service sends none).
 */
@ApplicationScoped
public class PractitionerFeedback {
    /**
     * The built-in framework's competences client feedback speaks to: assessing with the client, on an ongoing
     * basis, whether coaching suits them (D1.A1.1.4), and asking for their feedback on the coach (D1.A2.2.7).
     */
    public static final List<String> COMPETENCES = List.of("D1.A1.1.4", "D1.A2.2.7");

    private static final CountedOnce COUNTED = new CountedOnce("practitioner_feedback_counted", "batch_id");

    @Inject
    EntityManager em;

    @Inject
    CallerContext callerContext;

    /** One batch: its answers and the mean of each item (0-10). */
    public record Batch(
            UUID batchId,
            String practitionerId,
            LocalDate periodStart,
            LocalDate periodEnd,
            int responses,
            BigDecimal feltHeard,
            BigDecimal workedOnWhatMattered,
            BigDecimal approachFitted,
            BigDecimal overall) {}

    @Inject
    Practitioners practitioners;

    @Inject
    AccessPolicies policies;

    /**
     * What an assessor weighs for {@link #COMPETENCES}: the answers counted, each item's mean over all of them
     * (0-10, one decimal; null before any answer) and the first and last answer date.
     */
    public record Summary(
            int batches,
            int responses,
            BigDecimal feltHeard,
            BigDecimal workedOnWhatMattered,
            BigDecimal approachFitted,
            BigDecimal overall,
            LocalDate firstAnswerOn,
            LocalDate lastAnswerOn) {
        static final Summary NONE = new Summary(0, 0, null, null, null, null, null, null);
    }

    /** The practitioner's client feedback, to whoever may read their evidence (themselves, their supervisor). */
    public Summary of(String practitioner) {
        practitioners.existing(practitioner);
        policies.evidence().requireView(policies.caller(), EvidencePolicy.proposed(practitioner), practitioner);
        return summary(practitioner);
    }

    /** The summary without an access check: for the subject export, which its recorded request authorises. */
    Summary summary(String practitioner) {
        List<?> rows = em.createNativeQuery("select batches, responses, felt_heard, worked_on_what_mattered,"
                        + " approach_fitted, overall, first_answer_on, last_answer_on from practitioner_feedback"
                        + " where tenant_id = :t and practitioner_id = :p")
                .setParameter("t", callerContext.tenantId())
                .setParameter("p", practitioner)
                .getResultList();
        if (rows.isEmpty()) {
            return Summary.NONE;
        }
        Object[] r = (Object[]) rows.get(0);
        BigDecimal n = BigDecimal.valueOf(((Number) r[1]).intValue());
        return new Summary(
                ((Number) r[0]).intValue(),
                n.intValue(),
                mean((BigDecimal) r[2], n),
                mean((BigDecimal) r[3], n),
                mean((BigDecimal) r[4], n),
                mean((BigDecimal) r[5], n),
                date(r[6]),
                date(r[7]));
    }

    // A native query's date column comes back as java.sql.Date or LocalDate, depending on the driver's mapping.
    private static LocalDate date(Object column) {
        return column instanceof LocalDate d ? d : ((java.sql.Date) column).toLocalDate();
    }

    private static BigDecimal mean(BigDecimal sum, BigDecimal n) {
        return sum.divide(n, 1, RoundingMode.HALF_UP);
    }

    /** Adds the batch once: false when it was counted already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean count(Batch b) {
        String tenant = callerContext.tenantId();
        if (!COUNTED.claim(em, tenant, b.batchId())) {
            return false;
        }
        BigDecimal n = BigDecimal.valueOf(b.responses());
        em.createNativeQuery("insert into practitioner_feedback as f (tenant_id, practitioner_id, batches, responses,"
                        + " felt_heard, worked_on_what_mattered, approach_fitted, overall, first_answer_on,"
                        + " last_answer_on, updated_at) values (:t, :p, 1, :n, :h, :w, :a, :o, :from, :to, :at)"
                        + " on conflict (tenant_id, practitioner_id) do update set batches = f.batches + 1,"
                        + " responses = f.responses + :n, felt_heard = f.felt_heard + :h,"
                        + " worked_on_what_mattered = f.worked_on_what_mattered + :w,"
                        + " approach_fitted = f.approach_fitted + :a, overall = f.overall + :o,"
                        + " first_answer_on = least(f.first_answer_on, :from),"
                        + " last_answer_on = greatest(f.last_answer_on, :to), updated_at = :at")
                .setParameter("t", tenant)
                .setParameter("p", b.practitionerId())
                .setParameter("n", b.responses())
                .setParameter("h", b.feltHeard().multiply(n))
                .setParameter("w", b.workedOnWhatMattered().multiply(n))
                .setParameter("a", b.approachFitted().multiply(n))
                .setParameter("o", b.overall().multiply(n))
                .setParameter("from", b.periodStart())
                .setParameter("to", b.periodEnd())
                .setParameter("at", Instant.now())
                .executeUpdate();
        return true;
    }
}
