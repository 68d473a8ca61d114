package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.session.domain.access.ProgressSummaryPolicy;

/** Drafting progress summaries for the sponsor, the client's decision on them, and what reaches the sponsor. */
@ApplicationScoped
public class ProgressSummaries {
    /** Approved summaries a sponsor report carries at most: the latest ones. */
    public static final int IN_REPORT = Bounds.LIST;

    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    Engagements engagements;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    @Transactional
    public ProgressSummary draft(UUID engagementId, String body) {
        Engagement e = engagements.readable(engagementId);
        ProgressSummary s = new ProgressSummary();
        s.engagementId = e.id;
        if (!policies.progressSummaries().can(policies.caller(), ProgressSummaryPolicy.Action.DRAFT, s)) {
            throw ProblemException.forbidden("Only the engagement's practitioner drafts its progress summaries.");
        }
        if (!EngagementLifecycle.ACTIVE.equals(e.status) && !EngagementLifecycle.PAUSED.equals(e.status)) {
            throw ProblemException.conflict(
                    "Progress summaries are drafted in an active or paused engagement; this one is " + e.status + ".");
        }
        EngagementLimits.requireRoom(
                em, e, ProgressSummary.class, EngagementLimits.PROGRESS_SUMMARIES, "progress summaries");
        s.id = UUID.randomUUID();
        s.tenantId = e.tenantId;
        s.body(body);
        s.status = ProgressSummaryLifecycle.DRAFT;
        s.draftedBy = policies.subject();
        s.draftedAt = Instant.now();
        em.persist(s);
        audit.record("draft", "progress-summary", s.id, null);
        return s;
    }

    /** A page of the engagement's summaries the caller may see, newest first. */
    public Page<ProgressSummary> ofEngagement(UUID engagementId, PageRequest page) {
        engagements.readable(engagementId);
        ProgressSummaryPolicy policy = policies.progressSummaries();
        policy.requireAllowed(policies.caller(), ProgressSummaryPolicy.Action.LIST);
        Map<String, Object> params = new HashMap<>(Map.of("eng", engagementId));
        List<String> where =
                new ArrayList<>(List.of("e.engagementId = :eng", policy.listFilter(policies.caller(), params)));
        return tenant.pageNewestFirst(ProgressSummary.class, where, params, page, "e.draftedAt");
    }

    public ProgressSummary read(UUID engagementId, UUID summaryId) {
        engagements.readable(engagementId);
        return policies.progressSummaries().requireView(policies.caller(), summary(engagementId, summaryId), summaryId);
    }

    /** The client approves or rejects a draft ({@code decision} one of {@link ProgressSummaryLifecycle#DECISIONS}). */
    @Transactional
    public ProgressSummary decide(UUID engagementId, UUID summaryId, String decision, String ifMatch) {
        if (!ProgressSummaryLifecycle.DECISIONS.contains(decision)) {
            throw ProblemException.unprocessable(
                    "Unknown decision " + decision, List.of(new Violation("decision", "must be approved or rejected")));
        }
        String verb = ProgressSummaryLifecycle.APPROVED.equals(decision) ? "approve" : "reject";
        return move(engagementId, summaryId, ProgressSummaryPolicy.Action.DECIDE, decision, verb, ifMatch);
    }

    @Transactional
    public ProgressSummary withdraw(UUID engagementId, UUID summaryId, String ifMatch) {
        return move(
                engagementId,
                summaryId,
                ProgressSummaryPolicy.Action.WITHDRAW,
                ProgressSummaryLifecycle.WITHDRAWN,
                "withdraw",
                ifMatch);
    }

    private ProgressSummary move(
            UUID engagementId,
            UUID summaryId,
            ProgressSummaryPolicy.Action action,
            String to,
            String verb,
            String ifMatch) {
        engagements.readable(engagementId);
        ProgressSummary s = policies.progressSummaries()
                .require(policies.caller(), action, summary(engagementId, summaryId), summaryId);
        ETags.requireMatch(ifMatch, s.version);
        ProgressSummaryLifecycle.requireMove(s.status, to);
        s.status = to;
        s.decidedBy = policies.subject();
        s.decidedAt = Instant.now();
        audit.record(verb, "progress-summary", s.id, null);
        return s;
    }

    /**
     * The texts of the latest {@link #IN_REPORT} summaries the client approved, oldest first: all a sponsor
     * report may carry of them (the report itself checks the contract discloses summaries).
     */
    public List<String> approvedTexts(UUID engagementId) {
        List<ProgressSummary> latest = tenant.select(
                        ProgressSummary.class,
                        "e.engagementId = :e and e.status = :approved",
                        "e.decidedAt desc, e.id desc",
                        Map.of("e", engagementId, "approved", ProgressSummaryLifecycle.APPROVED))
                .setMaxResults(IN_REPORT)
                .getResultList();
        List<String> texts = new ArrayList<>(latest.stream()
                .filter(s -> !s.erased())
                .map(ProgressSummary::body)
                .toList());
        Collections.reverse(texts);
        return texts;
    }

    private ProgressSummary summary(UUID engagementId, UUID summaryId) {
        ProgressSummary s = tenant.get(ProgressSummary.class, summaryId, "Progress summary");
        if (!s.engagementId.equals(engagementId)) {
            throw ProblemException.notFound("Progress summary " + summaryId);
        }
        return s;
    }
}
