package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.privacy.ExportRequests;
import org.praxis.platform.privacy.PlatformRecords;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.platform.privacy.SubjectErasure;
import org.praxis.session.domain.access.SubjectExportPolicy;
import org.praxis.session.events.SessionEvents;

/**
 * Everything session-service holds about a client: export on a recorded export request, and erasure.
 * Erasure removes what identifies the person and what they said (sealed columns are overwritten through
 * their accessors); signed practitioner notes fall under the professional-record retention rule, so
 * they are kept but tied to a pseudonym, and the confirmation says how many were retained that way.
 * The person is erased in every role they had, client or practitioner ({@link #PERSON_COLUMNS}): what a
 * practitioner wrote or did stays part of their clients' records, under the pseudonym.
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
    Policies policies;

    @Inject
    ExportRequests exportRequests;

    @Inject
    PlatformRecords platformRecords;

    @Inject
    EligibilityRegister eligibility;

    @Inject
    SupervisionRegister supervision;

    /** The most rows of each kind one export holds (oldest first); a client with more is exported in part. */
    public static final int EXPORT_ROWS = ExportRequests.MAX_ROWS_PER_LIST;

    public record Export(
            String subject,
            List<Engagement> engagements,
            List<Contract> contracts,
            List<CoachingSession> sessions,
            List<SessionNote> notes,
            List<NoteAddendum> addenda,
            List<Goal> goals,
            List<GoalProgress> progress,
            List<ActionItem> actions,
            List<Review> reviews) {}

    /**
     * Everything held about {@code subject}, on a recorded export request that is ready: its use is
     * counted and audited with the request and its reason, in this transaction, before anything is read.
     * Each list holds at most {@link #EXPORT_ROWS} rows, oldest first.
     */
    @Transactional
    public Export export(String subject, UUID request) {
        new SubjectExportPolicy().require(policies.caller(), SubjectExportPolicy.Action.EXPORT, subject, subject);
        exportRequests.use(request, subject);
        List<Engagement> engagements = capped(
                tenant.select(Engagement.class, "e.clientSubject = :s", "e.createdAt, e.id", Map.of("s", subject)));
        List<UUID> ids = engagements.stream().map(e -> e.id).toList();
        List<Goal> goals = byEngagement(Goal.class, ids, "e.createdAt, e.id");
        List<UUID> goalIds = goals.stream().map(g -> g.id).toList();
        List<SessionNote> notes = byEngagement(SessionNote.class, ids, "e.createdAt, e.id");
        List<UUID> noteIds = notes.stream().map(n -> n.id).toList();
        return new Export(
                subject,
                engagements,
                byEngagement(Contract.class, ids, "e.createdAt, e.id"),
                byEngagement(CoachingSession.class, ids, "e.createdAt, e.id"),
                notes,
                noteIds.isEmpty()
                        ? List.of()
                        : capped(tenant.select(
                                NoteAddendum.class, "e.noteId in :n", "e.signedAt, e.id", Map.of("n", noteIds))),
                goals,
                goalIds.isEmpty()
                        ? List.of()
                        : capped(tenant.select(
                                GoalProgress.class,
                                "e.goalId in :g",
                                "e.ratedOn, e.createdAt, e.id",
                                Map.of("g", goalIds))),
                byEngagement(ActionItem.class, ids, "e.createdAt, e.id"),
                byEngagement(Review.class, ids, "e.createdAt, e.id"));
    }

    private <E> List<E> byEngagement(Class<E> type, List<UUID> ids, String orderBy) {
        return ids.isEmpty()
                ? List.of()
                : capped(tenant.select(type, "e.engagementId in :ids", orderBy, Map.of("ids", ids)));
    }

    private static <E> List<E> capped(TypedQuery<E> query) {
        return query.setMaxResults(EXPORT_ROWS).getResultList();
    }

    /**
     * Every column that may name a person, in any role: the client, the practitioner, contract parties,
     * note and addendum authors, whoever raised a concern, rated progress, held a review or proposed a
     * contract, and a supervisor in the register. Kept rows name the pseudonym instead. A session's
     * {@code cancelled_by} holds a role, not a person.
     */
    static final Map<String, List<String>> PERSON_COLUMNS = Map.of(
            "engagement", List.of("client_subject", "practitioner_id", "created_by"),
            "contract", List.of("created_by"),
            "contract_party", List.of("subject"),
            "session_note", List.of("author"),
            "note_addendum", List.of("author"),
            "risk_concern", List.of("raised_by"),
            "goal_progress", List.of("rated_by"),
            "review", List.of("created_by"),
            "practitioner_supervisor", List.of("supervisor_id"));

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String subject, String requestId) {
        String pseudonym = Pseudonyms.of(tenant.tenantId(), subject);
        List<Engagement> engagements = engagementsOf(subject);
        List<UUID> ids = engagements.stream().map(e -> e.id).toList();
        int retained = 0;
        for (SessionNote n : byEngagement(SessionNote.class, ids)) {
            if (n.isSigned()) {
                retained++;
            } else {
                em.remove(n);
            }
        }
        List<Goal> goals = byEngagement(Goal.class, ids);
        goals.forEach(g -> g.title("erased"));
        if (!goals.isEmpty()) {
            tenant.select(
                            GoalMilestone.class,
                            "e.goalId in :g",
                            null,
                            Map.of("g", goals.stream().map(g -> g.id).toList()))
                    .getResultList()
                    .forEach(m -> m.title("erased"));
        }
        byEngagement(ActionItem.class, ids).forEach(a -> a.title("erased"));
        byEngagement(Review.class, ids).forEach(r -> {
            r.whatChanged(null);
            r.sharedSummary(null);
        });
        for (Contract c : byEngagement(Contract.class, ids)) {
            c.purpose("erased");
            c.goalsInScope(null);
        }
        // An erased practitioner holds no eligibility and has no supervisor; whom they supervised keeps the link.
        eligibility.replace(tenant.tenantId(), subject, List.of());
        supervision.assign(tenant.tenantId(), subject, null);
        platformRecords.pseudonymise(tenant.tenantId(), subject, pseudonym, PERSON_COLUMNS);
        audit.record("erase", "subject", pseudonym, "erasure request " + requestId);
        outbox.publish(
                SessionEvents.SUBJECT_ERASED,
                requestId,
                new SessionEvents.SubjectErased(requestId, "session-service", engagements.size(), retained));
    }

    private List<Engagement> engagementsOf(String subject) {
        return tenant.select(Engagement.class, "e.clientSubject = :s", "e.createdAt", Map.of("s", subject))
                .getResultList();
    }

    private <E> List<E> byEngagement(Class<E> type, List<UUID> ids) {
        return ids.isEmpty()
                ? List.of()
                : tenant.select(type, "e.engagementId in :ids", null, Map.of("ids", ids))
                        .getResultList();
    }
}
