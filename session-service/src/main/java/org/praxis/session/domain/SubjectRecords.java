package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.privacy.PlatformRecords;
import org.praxis.platform.privacy.SubjectErasure;
import org.praxis.platform.privacy.SubjectExports;
import org.praxis.session.domain.events.SessionEvents;

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
    SubjectExports exports;

    @Inject
    PlatformRecords platformRecords;

    @Inject
    EligibilityRegister eligibility;

    @Inject
    SupervisionRegister supervision;

    @Inject
    ClientJudgements judgements;

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
            List<Review> reviews,
            Map<UUID, ClientJudgements.Judged> judgements,
            List<ProgressSummary> summaries,

            List<ScoreTrajectory> scores,
            List<SessionCharge> charges,

            List<SessionFeedback> feedback,
            List<CompletedTherapyReferral> completedTherapyReferrals,
            List<ClientRequest> clientRequests,
            List<Handover> handovers,
            List<GoalMilestone> milestones,
            List<ContractParty> parties,
            List<RiskConcern> riskConcerns,
            List<MonitoringPlan> monitoringPlans,
            List<MonitoringMeasure> monitoringMeasures) {}

    /**
     * Everything held about {@code subject}, on a recorded export request that is ready: its use is
     * counted and audited with the request and its reason, in this transaction, before anything is read.
     * Each list holds at most {@link SubjectExports#ROWS} rows, oldest first.
     */
    @Transactional
    public Export export(String subject, UUID request) {
        exports.open(subject, request);
        List<Engagement> engagements =
                exports.rows(Engagement.class, "e.clientSubject = :s", "e.createdAt, e.id", Map.of("s", subject));
        List<UUID> ids = engagements.stream().map(e -> e.id).toList();
        List<Goal> goals = exports.rowsIn(Goal.class, "engagementId", ids, "e.createdAt, e.id");
        List<SessionNote> notes = exports.rowsIn(SessionNote.class, "engagementId", ids, "e.createdAt, e.id");
        List<Review> reviews = exports.rowsIn(Review.class, "engagementId", ids, "e.createdAt, e.id");
        List<Contract> contracts = exports.rowsIn(Contract.class, "engagementId", ids, "e.createdAt, e.id");
        return new Export(
                subject,
                engagements,
                contracts,
                exports.rowsIn(CoachingSession.class, "engagementId", ids, "e.createdAt, e.id"),
                notes,
                exports.rowsIn(
                        NoteAddendum.class,
                        "noteId",
                        notes.stream().map(n -> n.id).toList(),
                        "e.signedAt, e.id"),
                goals,
                exports.rowsIn(
                        GoalProgress.class,
                        "goalId",
                        goals.stream().map(g -> g.id).toList(),
                        "e.ratedOn, e.createdAt, e.id"),
                exports.rowsIn(ActionItem.class, "engagementId", ids, "e.createdAt, e.id"),
                reviews,
                judgements.of(reviews.stream().map(r -> r.id).toList()),
                exports.rowsIn(ProgressSummary.class, "engagementId", ids, "e.draftedAt, e.id"),
                exports.rowsIn(ScoreTrajectory.class, "engagementId", ids, "e.updatedAt, e.id"),
                exports.rowsIn(SessionCharge.class, "engagementId", ids, "e.createdAt, e.id"),
                exports.rowsIn(SessionFeedback.class, "engagementId", ids, "e.answeredAt, e.id"),
                exports.rows(
                        CompletedTherapyReferral.class,
                        "e.clientSubject = :s",
                        "e.completedAt, e.id",
                        Map.of("s", subject)),
                exports.rowsIn(ClientRequest.class, "engagementId", ids, "e.requestedAt, e.id"),
                exports.rowsIn(Handover.class, "engagementId", ids, "e.offeredAt, e.id"),
                exports.rowsIn(
                        GoalMilestone.class,
                        "goalId",
                        goals.stream().map(g -> g.id).toList(),
                        "e.id"),
                exports.rowsIn(
                        ContractParty.class,
                        "contractId",
                        contracts.stream().map(c -> c.id).toList(),
                        "e.id"),
                exports.rowsIn(RiskConcern.class, "engagementId", ids, "e.raisedAt, e.id"),
                exports.rowsIn(MonitoringPlan.class, "engagementId", ids, "e.updatedAt, e.id"),
                exports.rowsIn(MonitoringMeasure.class, "engagementId", ids, "e.createdAt, e.id"));
    }

    /**
     * Every column that may name a person, in any role: the client, the practitioner, contract parties,
     * note and addendum authors, whoever raised a concern, rated progress, held a review, proposed a
     * contract or last edited a monitoring plan or policy, drafted or decided a progress summary, judged
     * their goals at the end review, made or decided a client request or was named in one, the practitioner a
     * client's feedback was about, a supervisor in the register, and a completed therapy referral's client and
     * practitioner. Kept rows name the pseudonym
     * instead. A session's
     * {@code cancelled_by} holds a role, not a person; a session charge names no one (it is kept, like the session).
     */
    static final Map<String, List<String>> PERSON_COLUMNS = Map.ofEntries(
            Map.entry("engagement", List.of("client_subject", "practitioner_id", "created_by")),
            Map.entry("contract", List.of("created_by")),
            Map.entry("contract_party", List.of("subject")),
            Map.entry("session_note", List.of("author")),
            Map.entry("note_addendum", List.of("author")),
            Map.entry("risk_concern", List.of("raised_by")),
            Map.entry("goal_progress", List.of("rated_by")),
            Map.entry("review", List.of("created_by")),
            Map.entry("progress_summary", List.of("drafted_by", "decided_by")),
            Map.entry("client_judgement", List.of("judged_by")),
            Map.entry("client_request", List.of("requested_by", "decided_by", "preferred_coach", "new_coach")),
            Map.entry("session_feedback", List.of("practitioner_id")),
            Map.entry("handover", List.of("from_practitioner", "to_practitioner", "offered_by")),
            Map.entry("practitioner_supervisor", List.of("supervisor_id")),
            Map.entry("monitoring_plan", List.of("updated_by")),
            Map.entry("monitoring_policy", List.of("updated_by")),
            Map.entry("completed_therapy_referral", List.of("client_subject", "practitioner_id")),
            Map.entry("after_therapy_policy", List.of("updated_by")));

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String subject, String requestId) {
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
        byEngagement(CoachingSession.class, ids).forEach(s -> s.nextPriorities(null));
        byEngagement(Review.class, ids).forEach(r -> {
            r.whatChanged(null);
            r.sharedSummary(null);
        });
        // The person's scores go; intake-service, which owns them, erases its own copy.
        byEngagement(ScoreTrajectory.class, ids).forEach(em::remove);
        engagements.forEach(e -> e.reviewRequestedOn = null); // the day their scores worsened
        // Which instruments the client was asked for, and when: theirs, and of no use to anyone once they are gone.
        byEngagement(MonitoringMeasure.class, ids).forEach(em::remove);
        byEngagement(MonitoringPlan.class, ids).forEach(em::remove);
        byEngagement(ProgressSummary.class, ids).forEach(ProgressSummary::erase);
        byEngagement(ClientJudgement.class, ids).forEach(j -> j.whatChanged(null));
        byEngagement(Handover.class, ids).forEach(h -> h.note(null));
        byEngagement(ClientRequest.class, ids).forEach(r -> {
            r.reason(null);
            r.decisionNote(null);
        });
        // The client's answers about their coach leave them: no session, engagement or comment, only the month.
        // The numbers stay, naming nobody, so a month's trend reads the same after as before (were they deleted,
        // the difference would be this client's answers); an aggregate already published names no client either.
        byEngagement(SessionFeedback.class, ids).forEach(SessionFeedback::anonymise);
        for (Contract c : byEngagement(Contract.class, ids)) {
            c.purpose("erased");
            c.goalsInScope(null);
            c.confidentialityTerms(null);
            c.limitsOfConfidentiality(null);
            if (c.runsBesideTherapy()) {
                c.besideTherapy(new BesideTherapy("erased", "erased"));
            }
        }
        // An erased practitioner holds no eligibility and has no supervisor; whom they supervised keeps the link.
        eligibility.replace(tenant.tenantId(), subject, List.of());
        supervision.assign(tenant.tenantId(), subject, null);
        platformRecords.pseudonymiseAndAudit(tenant.tenantId(), subject, requestId, PERSON_COLUMNS);
        outbox.publish(new SessionEvents.SubjectErased(requestId, "session-service", engagements.size(), retained));
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
