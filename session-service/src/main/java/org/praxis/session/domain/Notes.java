package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.session.domain.access.NotePolicy;
import org.praxis.session.domain.access.RiskConcernPolicy;
import org.praxis.session.domain.events.SessionEvents;

/**
 * Notes of an engagement. Private notes are the practitioner's: a client never sees them, a
 * supervisor only with a recorded reason, and every read is audited. A signed note is locked;
 * it changes only by signed addenda, kept in order.
 */
@ApplicationScoped
public class Notes {
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

    public record Read(SessionNote note, List<NoteAddendum> addenda) {}

    @Transactional
    public SessionNote write(UUID engagementId, String kind, UUID sessionId, String body) {
        Engagement e = engagements.readable(engagementId);
        SessionNote candidate = new SessionNote();
        candidate.engagementId = e.id;
        candidate.kind = kind;
        if (!policies.notes().can(policies.caller(), NotePolicy.Action.WRITE, candidate)) {
            throw ProblemException.forbidden("Only the engagement's practitioner writes its notes.");
        }
        requireSessionOf(e, sessionId);
        EngagementLimits.requireRoom(em, e, SessionNote.class, EngagementLimits.NOTES, "notes");
        SessionNote n = new SessionNote();
        n.id = UUID.randomUUID();
        n.tenantId = e.tenantId;
        n.engagementId = e.id;
        n.sessionId = sessionId;
        n.kind = kind;
        n.body(body);
        n.author = policies.subject();
        n.createdAt = Instant.now();
        em.persist(n);
        audit.record("write", kind + "-note", n.id, null);
        return n;
    }

    /**
     * A page of the notes the caller may see (the list carries no bodies), newest first: every note for
     * the practitioner, shared summaries for others.
     */
    public Page<SessionNote> list(UUID engagementId, PageRequest page) {
        engagements.readable(engagementId);
        NotePolicy policy = policies.notes();
        policy.requireAllowed(policies.caller(), NotePolicy.Action.LIST);
        Map<String, Object> params = new HashMap<>(Map.of("eng", engagementId));
        List<String> where =
                new ArrayList<>(List.of("e.engagementId = :eng", policy.listFilter(policies.caller(), params)));
        return tenant.pageNewestFirst(SessionNote.class, where, params, page, "e.createdAt");
    }

    /**
     * A note with its addenda. A private note is read by its engagement's practitioner, or by their
     * supervisor with a reason; every read is audited (a private one with the supervisor's reason).
     */
    @Transactional
    public Read read(UUID engagementId, UUID noteId, String reason) {
        engagements.readable(engagementId);
        SessionNote n = note(engagementId, noteId);
        NotePolicy policy = policies.notes();
        boolean seen = policy.canView(policies.caller(), n);
        boolean privateRead = SessionNote.PRIVATE.equals(n.kind);
        if (privateRead && !policy.can(policies.caller(), NotePolicy.Action.READ_PRIVATE, n)) {
            throw ProblemException.notFound("Note " + noteId);
        }
        if (!privateRead && !seen) {
            throw ProblemException.notFound("Note " + noteId);
        }
        if (privateRead) {
            boolean needsReason = policy.needsReason(policies.caller(), n);
            if (needsReason && (reason == null || reason.isBlank())) {
                throw ProblemException.unprocessable(
                        "A supervisor reads a private note only with a reason: POST .../notes/{noteId}/reads {reason}",
                        List.of(new Violation("reason", "is required to read another practitioner's private note")));
            }
            audit.record("read", "private-note", n.id, needsReason ? reason : null);
        } else {
            audit.record("read", "shared-note", n.id, null); // DESIGN: every read of a note is audited
        }
        return new Read(n, addenda(n.id));
    }

    @Transactional
    public SessionNote edit(UUID engagementId, UUID noteId, String body, String ifMatch) {
        SessionNote n = authored(engagementId, noteId, NotePolicy.Action.EDIT);
        // Locked whatever the ETag says: a signed note changes only by addenda.
        if (n.isSigned()) {
            throw ProblemException.conflict("The note is signed; add an addendum instead.");
        }
        ETags.requireMatch(ifMatch, n.version);
        n.body(body);
        audit.record("edit", n.kind + "-note", n.id, null);
        return n;
    }

    /** Signs the version the author read ({@code If-Match}): signed, the text changes only by addenda. */
    @Transactional
    public SessionNote sign(UUID engagementId, UUID noteId, String ifMatch) {
        SessionNote n = authored(engagementId, noteId, NotePolicy.Action.SIGN);
        if (n.isSigned()) {
            throw ProblemException.conflict("The note is signed already.");
        }
        ETags.requireMatch(ifMatch, n.version);
        n.signedAt = Instant.now();
        audit.record("sign", n.kind + "-note", n.id, null);
        return n;
    }

    @Transactional
    public NoteAddendum addendum(UUID engagementId, UUID noteId, String body) {
        SessionNote n = authored(engagementId, noteId, NotePolicy.Action.ADD_ADDENDUM);
        if (!n.isSigned()) {
            throw ProblemException.conflict(
                    policies.subject().equals(n.author)
                            ? "Edit an unsigned note directly; addenda are for signed notes."
                            : "Addenda are for signed notes; this one is unsigned and another coach's: write a note of your own.");
        }
        // Lock the note row so two addenda written at once still get consecutive numbers.
        em.lock(n, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        int seq = addenda(n.id).size() + 1;
        if (seq > NoteAddendum.MAX_PER_NOTE) {
            throw ProblemException.conflict(
                    "A note takes at most " + NoteAddendum.MAX_PER_NOTE + " addenda; write a new note.");
        }
        NoteAddendum a = new NoteAddendum();
        a.id = UUID.randomUUID();
        a.tenantId = n.tenantId;
        a.noteId = n.id;
        a.seq = seq;
        a.body(body);
        a.author = policies.subject();
        a.signedAt = Instant.now();
        em.persist(a);
        audit.record("addendum", n.kind + "-note", n.id, null);
        return a;
    }

    /** A coach records a concern for the client's safety; referral-service opens an urgent draft from it. */
    @Transactional
    public RiskConcern noteRisk(UUID engagementId, UUID sessionId, String level) {
        Engagement e = engagements.readable(engagementId);
        // The concern names the engagement's practitioner: a handover accepted meanwhile waits for it (or it 409s).
        em.lock(e, jakarta.persistence.LockModeType.PESSIMISTIC_READ);
        RiskConcern r = new RiskConcern();
        r.id = UUID.randomUUID();
        r.tenantId = e.tenantId;
        r.engagementId = e.id;
        if (!policies.riskConcerns().can(policies.caller(), RiskConcernPolicy.Action.RAISE, r)) {
            throw ProblemException.forbidden("Only the engagement's practitioner records a risk concern.");
        }
        requireSessionOf(e, sessionId);
        r.sessionId = sessionId;
        r.level = level;
        r.raisedBy = policies.subject();
        r.raisedAt = Instant.now();
        em.persist(r);
        audit.record("note-risk", "engagement", e.id, null);
        outbox.publish(new SessionEvents.RiskNoted(r.id, e.id, sessionId, e.clientSubject, e.practitionerId, level));
        return r;
    }

    /** A session named in a note or a concern is one of its engagement's (never another's, nor a guess). */
    private void requireSessionOf(Engagement e, UUID sessionId) {
        if (sessionId != null
                && !tenant.find(CoachingSession.class, sessionId)
                        .map(s -> s.engagementId.equals(e.id))
                        .orElse(false)) {
            throw ProblemException.unprocessable(
                    "The session is not one of this engagement's",
                    List.of(new Violation("sessionId", "is not a session of this engagement")));
        }
    }

    /** A note of the engagement the caller may {@code action}: 404 unless they see it, 403 unless they wrote-access it. */
    private SessionNote authored(UUID engagementId, UUID noteId, NotePolicy.Action action) {
        engagements.readable(engagementId);
        return policies.notes().require(policies.caller(), action, note(engagementId, noteId), noteId);
    }

    private SessionNote note(UUID engagementId, UUID noteId) {
        SessionNote n = tenant.get(SessionNote.class, noteId, "Note");
        if (!n.engagementId.equals(engagementId)) {
            throw ProblemException.notFound("Note " + noteId);
        }
        return n;
    }

    private List<NoteAddendum> addenda(UUID noteId) {
        return tenant.select(NoteAddendum.class, "e.noteId = :n", "e.seq asc", Map.of("n", noteId))
                .getResultList();
    }
}
