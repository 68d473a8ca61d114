package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
