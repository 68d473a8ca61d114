package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.praxis.assessment.domain.events.AssessmentEvents;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.privacy.PlatformRecords;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.platform.privacy.SubjectErasure;
import org.praxis.platform.privacy.SubjectExports;

/**
 * Everything assessment-service holds about a practitioner: export on a recorded export request, and erasure. Erasure
 * removes their name, registration numbers, descriptions, comments and notes and ties the remaining
 * levels and hours to a pseudonym; any eligibility they held is withdrawn (a pseudonym holds none). The
 * person is erased in every role they had ({@link #PERSON_COLUMNS}): what they verified, rated or
 * supervised for others stays, under the pseudonym.
 */
@ApplicationScoped
public class SubjectRecords implements SubjectErasure {
    @Inject
    TenantQueries tenant;

    @Inject
    OutboxPublisher outbox;

    @Inject
    PublishedEligibility publishedEligibility;

    @Inject
    SubjectExports exports;

    @Inject
    PlatformRecords platformRecords;

    @Inject
    PractiseRecords practise;

    @Inject
    EntityManager em;

    @Inject
    PractitionerOutcomes outcomes;

    @Inject
    PractitionerFeedback feedback;

    public record Export(
            String subject,
            List<Practitioner> profile,
            List<Registration> registrations,
            List<Evidence> evidence,
            Map<UUID, List<EvidenceAttachment>> attachments,
            List<SupervisionSession> supervision,
            List<Assessment> assessments,
            List<Rating> ratings,
            List<DevelopmentAction> plan,
            List<String> eligibilities,
            Optional<PractitionerOutcomes.Totals> outcomes,
            PractitionerFeedback.Summary clientFeedback) {}

    /**
     * Everything held about {@code subject}, on a recorded export request that is ready: its use is
     * counted and audited with the request and its reason, in this transaction, before anything is read.
     * Each list holds at most {@link SubjectExports#ROWS} rows, oldest first.
     */
    @Transactional
    public Export export(String subject, UUID request) {
        exports.open(subject, request);
        Map<String, Object> s = Map.of("s", subject);
        List<Evidence> evidence = exports.rows(Evidence.class, "e.practitionerId = :s", "e.recordedAt, e.id", s);
        return new Export(
                subject,
                exports.rows(Practitioner.class, "e.subject = :s", "e.createdAt, e.id", s),
                exports.rows(Registration.class, "e.practitionerId = :s", "e.createdAt, e.id", s),
                evidence,
                practise.attachments(evidence),
                exports.rows(SupervisionSession.class, "e.superviseeId = :s", "e.recordedAt, e.id", s),
                exports.rows(Assessment.class, "e.practitionerId = :s", "e.openedAt, e.id", s),
                exports.rows(
                        Rating.class,
                        "e.assessmentId in (select a.id from Assessment a"
                                + " where a.tenantId = e.tenantId and a.practitionerId = :s)",
                        "e.ratedAt, e.id",
                        s),
                exports.rows(DevelopmentAction.class, "e.practitionerId = :s", "e.createdAt, e.id", s),
                publishedEligibility.heldBy(subject),
                outcomes.totals(subject),
                feedback.summary(subject));
    }

    /**
     * Every column that may name a person, in any role: the practitioner, their supervisor, whoever
     * recorded, verified, opened, completed or rated, wrote a plan, published a framework or set the
     * settings. Kept rows name the pseudonym instead; what they verified for others stays verified.
     */
    static final Map<String, List<String>> PERSON_COLUMNS = Map.ofEntries(
            Map.entry("practitioner", List.of("subject", "supervisor_id", "created_by")),
            Map.entry("registration", List.of("practitioner_id", "verified_by")),
            Map.entry("evidence", List.of("practitioner_id", "recorded_by", "verified_by")),
            Map.entry("supervision_session", List.of("supervisee_id", "supervisor_id", "recorded_by", "verified_by")),
            Map.entry("assessment", List.of("practitioner_id", "opened_by", "completed_by")),
            Map.entry("rating", List.of("rated_by")),
            Map.entry("development_action", List.of("practitioner_id", "created_by")),
            Map.entry("framework_version", List.of("created_by")),
            Map.entry("assessment_settings", List.of("updated_by")),
            Map.entry("practitioner_outcome", List.of("practitioner_id")),
            Map.entry("practitioner_feedback", List.of("practitioner_id")));

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String subject, String requestId) {
        List<Practitioner> profile = of(Practitioner.class, "e.subject", subject);
        profile.forEach(p -> p.displayName("erased"));
        of(Registration.class, "e.practitionerId", subject).forEach(r -> r.number("erased"));
        List<Evidence> evidence = of(Evidence.class, "e.practitionerId", subject);
        evidence.forEach(e -> e.description(null));
        // Links to what the person recorded (a recording, a signed document link) go with the description.
        // Deleted without being opened: a link that no longer opens must not stop the erasure.
        if (!evidence.isEmpty()) {
            em.createQuery("delete from EvidenceAttachment a where a.evidenceId in :ids")
                    .setParameter("ids", evidence.stream().map(e -> e.id).toList())
                    .executeUpdate();
        }
        of(SupervisionSession.class, "e.superviseeId", subject).forEach(s -> s.notes(null));
        List<UUID> ids = of(Assessment.class, "e.practitionerId", subject).stream()
                .map(a -> a.id)
                .toList();
        if (!ids.isEmpty()) {
            tenant.select(Rating.class, "e.assessmentId in :ids", null, Map.of("ids", ids))
                    .getResultList()
                    .forEach(r -> r.comment(null));
        }
        of(DevelopmentAction.class, "e.practitionerId", subject).forEach(d -> d.action("erased"));
        // Intake and session drop their copies on this same request: nothing is published under the person's id again.
        publishedEligibility.forget(subject);
        joinEarlierErasure(subject);
        platformRecords.pseudonymiseAndAudit(tenant.tenantId(), subject, requestId, PERSON_COLUMNS);
        outbox.publish(
                new AssessmentEvents.SubjectErased(requestId, "assessment-service", profile.size(), evidence.size()));
    }

    /**
     * A person erased before who came back and asks again: their earlier records already name the pseudonym, and
     * a profile or a running total is one per person. The earlier, erased profile gives way to the newer one, and
     * the totals are added together, so pseudonymising the newer rows meets no duplicate.
     */
    private void joinEarlierErasure(String subject) {
        String tenantId = tenant.tenantId();
        String pseudonym = Pseudonyms.of(tenantId, subject);
        String both =
                " where tenant_id = ?1 and %1$s = ?2 and exists (select 1 from %2$s where tenant_id = ?1 and %1$s = ?3)";
        execute("delete from practitioner" + both.formatted("subject", "practitioner"), tenantId, pseudonym, subject);
        execute(
                "update practitioner_outcome p set engagements = p.engagements + x.engagements,"
                        + " measured = p.measured + x.measured, reliably_improved = p.reliably_improved + x.reliably_improved,"
                        + " reliably_deteriorated = p.reliably_deteriorated + x.reliably_deteriorated,"
                        + " goals = p.goals + x.goals, goals_met = p.goals_met + x.goals_met,"
                        + " sessions_held = p.sessions_held + x.sessions_held, updated_at = now()"
                        + " from practitioner_outcome x where p.tenant_id = ?1 and p.practitioner_id = ?2"
                        + " and x.tenant_id = ?1 and x.practitioner_id = ?3",
                tenantId,
                pseudonym,
                subject);
        execute(
                "update practitioner_feedback p set batches = p.batches + x.batches, responses = p.responses + x.responses,"
                        + " felt_heard = p.felt_heard + x.felt_heard,"
                        + " worked_on_what_mattered = p.worked_on_what_mattered + x.worked_on_what_mattered,"
                        + " approach_fitted = p.approach_fitted + x.approach_fitted, overall = p.overall + x.overall,"
                        + " first_answer_on = least(p.first_answer_on, x.first_answer_on),"
                        + " last_answer_on = greatest(p.last_answer_on, x.last_answer_on), updated_at = now()"
                        + " from practitioner_feedback x where p.tenant_id = ?1 and p.practitioner_id = ?2"
                        + " and x.tenant_id = ?1 and x.practitioner_id = ?3",
                tenantId,
                pseudonym,
                subject);
        for (String total : List.of("practitioner_outcome", "practitioner_feedback")) {
            // The newer total was added to the earlier one: it goes.
            execute("delete from " + total + both.formatted("practitioner_id", total), tenantId, subject, pseudonym);
        }
    }

    private void execute(String sql, Object... args) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < args.length; i++) {
            q.setParameter(i + 1, args[i]);
        }
        q.executeUpdate();
    }

    private <E> List<E> of(Class<E> type, String field, String subject) {
        return tenant.select(type, field + " = :s", null, Map.of("s", subject)).getResultList();
    }
}
