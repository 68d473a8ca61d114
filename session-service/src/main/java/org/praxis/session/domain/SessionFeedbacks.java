package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.session.domain.access.FeedbackPolicy;
import org.praxis.session.domain.events.SessionEvents;

/**
 * The client's feedback form after a held session (issue 22): given once, read back by the client only.
 * Every {@link #BATCH} answers a practitioner has had since the last publication, of three clients or more
 * ({@link FeedbackRespondents#firstBatch}), are published once as
 * {@code practitioner.feedback-aggregated} — means per item and the batch's first and last answer date,
 * never a client, engagement or session — for assessment-service's evidence.
 */
@ApplicationScoped
public class SessionFeedbacks {
    /** Answers per published aggregate: fewer (or fewer clients) could single out one client's answers. */
    public static final int BATCH = 5;

    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    Engagements engagements;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    @Inject
    FeedbackRespondents respondents;

    @Inject
    Handovers handovers;

    /** The form's answers, each 0-10 (the resource bounds them), and an optional comment. */
    public record Answer(int feltHeard, int workedOnWhatMattered, int approachFitted, int overall, String comment) {}

    @Transactional
    public SessionFeedback give(UUID engagementId, UUID sessionId, Answer answer) {
        CoachingSession s = session(engagementId, sessionId, FeedbackPolicy.Action.GIVE);
        if (!CoachingSession.HELD.equals(s.status)) {
            throw ProblemException.conflict("Feedback follows a held session; this one is " + s.status + ".");
        }
        // Locked so that two answers sent at once cannot both be the first.
        em.lock(s, LockModeType.PESSIMISTIC_WRITE);
        if (find(s.id) != null) {
            throw ProblemException.conflict("Your feedback on this session is given already.");
        }
        Engagement e = engagements.readable(engagementId);
        SessionFeedback f = new SessionFeedback();
        f.id = UUID.randomUUID();
        f.tenantId = s.tenantId;
        f.sessionId = s.id;
        f.engagementId = s.engagementId;
        // Feedback is on the coach who held the session (at its start): after a handover that may be the previous
        // one, also when the new coach recorded it.
        f.practitionerId = handovers.practitionerAt(e, s.scheduledAt);
        f.feltHeard = answer.feltHeard();
        f.workedOnWhatMattered = answer.workedOnWhatMattered();
        f.approachFitted = answer.approachFitted();
        f.overall = answer.overall();
        f.comment(answer.comment());
        f.answeredAt = Instant.now();
        em.persist(f);
        audit.record("give-feedback", "session", s.id, null);
        publishBatches(f.practitionerId);
        return f;
    }

    /** The client's own answer on the session; 404 when there is none (or the session is not theirs). */
    public SessionFeedback own(UUID engagementId, UUID sessionId) {
        CoachingSession s = session(engagementId, sessionId, FeedbackPolicy.Action.VIEW);
        SessionFeedback f = find(s.id);
        if (f == null) {
            throw ProblemException.notFound("Feedback on session " + sessionId);
        }
        return f;
    }

    /** The signed-in client's held sessions whose feedback form is still open, latest first. */
    public Page<CoachingSession> openForms(PageRequest page) {
        FeedbackPolicy policy = policies.feedback();
        policy.requireAllowed(policies.caller(), FeedbackPolicy.Action.LIST_OPEN_FORMS);
        Map<String, Object> params = new HashMap<>(Map.of("held", CoachingSession.HELD));
        List<String> where = new ArrayList<>(List.of(
                "e.status = :held",
                "not exists (select f.id from SessionFeedback f where f.tenantId = e.tenantId and f.sessionId = e.id)",
                "("
                        + policy.filter(policies.caller(), FeedbackPolicy.Action.LIST_OPEN_FORMS)
                                .jpql("e", params) + ")"));
        return tenant.pageNewestFirst(CoachingSession.class, where, params, page, "e.scheduledAt");
    }

    /** The session, 404 unless it is of this engagement and the caller is its client, 403 without the action. */
    private CoachingSession session(UUID engagementId, UUID sessionId, FeedbackPolicy.Action action) {
        CoachingSession s = tenant.get(CoachingSession.class, sessionId, "Session");
        if (!s.engagementId.equals(engagementId)) {
            throw ProblemException.notFound("Session " + sessionId);
        }
        return policies.feedback().require(policies.caller(), action, s, sessionId);
    }

    private SessionFeedback find(UUID sessionId) {
        return tenant.select(SessionFeedback.class, "e.sessionId = :s", null, Map.of("s", sessionId))
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /**
     * Publishes each complete batch of unpublished answers of the practitioner, oldest first. The rows are
     * locked: of two answers completing a batch at once, the second sees the first's batch published.
     */
    private void publishBatches(String practitionerId) {
        List<SessionFeedback> pending = tenant.select(
                        SessionFeedback.class,
                        "e.practitionerId = :p and e.batchPublishedAt is null",
                        "e.answeredAt, e.id",
                        Map.of("p", practitionerId))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Instant now = Instant.now();
        Function<SessionFeedback, String> client = respondents.of(pending);
        List<SessionFeedback> left = new ArrayList<>(pending);
        for (List<SessionFeedback> batch = FeedbackRespondents.firstBatch(left, client, BATCH);
                !batch.isEmpty();
                batch = FeedbackRespondents.firstBatch(left, client, BATCH)) {
            left.removeAll(batch);
            batch.forEach(f -> f.batchPublishedAt = now);
            FeedbackMeans means = FeedbackMeans.of(batch);
            outbox.publish(new SessionEvents.FeedbackAggregated(
                    UUID.randomUUID(),
                    practitionerId,
                    day(batch.get(0).answeredAt),
                    day(batch.get(BATCH - 1).answeredAt),
                    BATCH,
                    new SessionEvents.FeedbackItemMeans(
                            means.feltHeard(), means.workedOnWhatMattered(), means.approachFitted(), means.overall())));
        }
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
