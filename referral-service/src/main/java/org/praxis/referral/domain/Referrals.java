package org.praxis.referral.domain;

import static org.praxis.referral.domain.ReferralLifecycle.DRAFT;
import static org.praxis.referral.domain.ReferralLifecycle.SENT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.referral.domain.access.ReferralPolicy;
import org.praxis.referral.domain.access.ReferralPolicy.Action;

/**
 * A referral drafted by a practitioner and its terms revised before sending; the referrals a caller
 * may see. The rest of its life is in {@link ReferralConsent} (the client's say),
 * {@link RiskExceptions} (referring without consent), {@link ReferralLoop} (sending until closed)
 * and {@link RiskDrafts} (drafts opened by risk events); every step is kept by {@link ReferralHistory}.
 */
@ApplicationScoped
public class Referrals {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    Deadlines deadlines;

    @Inject
    Caseloads caseloads;

    @Inject
    ReferralHistory history;

    @Inject
    AuditLog audit;

    @Inject
    AgreedTerms agreedTerms;

    public record NewReferral(
            String clientSubject, String practitionerId, UUID intakeId, UUID engagementId, ReferralTerms terms) {}

    public record Filter(String status, String urgency, String origin, String clientSubject, boolean overdue) {
        /** The filters for the audit: which were given, with their values but the person's (erasure keeps no copy). */
        String described() {
            List<String> given = new ArrayList<>();
            if (status != null) {
                given.add("status=" + status);
            }
            if (urgency != null) {
                given.add("urgency=" + urgency);
            }
            if (origin != null) {
                given.add("origin=" + origin);
            }
            if (clientSubject != null) {
                given.add("clientSubject");
            }
            if (overdue) {
                given.add("overdue");
            }
            return given.isEmpty() ? null : String.join(" ", given);
        }
    }

    @Transactional
    public Referral open(NewReferral request) {
        Caller caller = callerContext.caller();
        caseloads.referralPolicy(caller).requireAllowed(caller, Action.CREATE);
        String practitioner = caseloads.requireNameable(
                caller, request.practitionerId(), request.engagementId(), request.clientSubject());
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.tenantId = caller.tenantId();
        r.clientSubject = request.clientSubject();
        r.practitionerId = practitioner;
        r.origin = Referral.MANUAL;
        r.intakeId = request.intakeId();
        r.engagementId = request.engagementId();
        r.createdBy = history.actor();
        r.createdAt = Instant.now();
        request.terms().applyTo(r, directoryService(request.terms().serviceId()));
        r.status = DRAFT;
        r.statusAt = r.createdAt;
        em.persist(r);
        history.step(r, "create", null);
        history.publish(r);
        return r;
    }

    /** Change the terms of a draft, or of one awaiting consent (which sends it back to draft: consent was to the old terms). */
    @Transactional
    public Referral revise(UUID id, String ifMatch, ReferralTerms terms) {
        Referral r = require(id, Action.REVISE);
        ETags.requireMatch(ifMatch, r.version);
        if (!r.isBeforeSending()) {
            throw ProblemException.conflict(
                    "A referral's terms change only before it is sent; it is " + r.status + ".");
        }
        String before = r.termsDigest();
        String was = ReferralHistory.terms(r);
        terms.applyTo(r, directoryService(terms.serviceId()));
        agreedTerms.revised(r, was, !before.equals(r.termsDigest()));
        return r;
    }

    /** The referral if the caller may do {@code action} on it: 404 when they may not know it exists, 403 when they see it. */
    public Referral require(UUID id, Action action) {
        Referral r = tenant.find(Referral.class, id).orElse(null);
        Caller caller = callerContext.caller();
        return caseloads.referralPolicy(caller).require(caller, action, r, id);
    }

    /**
     * The referral in full, audited: a conditional read too, as for intakes (a 304 tells the caller that
     * what they hold is the current record).
     */
    @Transactional
    public Referral read(UUID id) {
        Referral r = require(id, Action.READ);
        audit.record("read", "referral", r.id, null);
        return r;
    }

    /** {@link #require(UUID, Action)}, and 412 unless it is the version of {@code ifMatch} when one is given. */
    Referral require(UUID id, Action action, String ifMatch) {
        Referral r = require(id, action);
        ETags.requireMatchIfPresent(ifMatch, r.version);
        return r;
    }

    /** A page of the referrals the caller reaches; audited, as each carries its risk level (DESIGN: risk data). */
    @Transactional
    public Page<Referral> list(PageRequest page, Filter filter) {
        Caller caller = callerContext.caller();
        ReferralPolicy policy = caseloads.referralPolicy(caller);
        policy.requireAllowed(caller, Action.LIST);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("(" + policy.filter(caller, Action.READ).jpql("e", params) + ")");
        if (filter.status() != null) {
            where.add("e.status = :status");
            params.put("status", filter.status());
        }
        if (filter.urgency() != null) {
            where.add("e.urgency = :urgency");
            params.put("urgency", filter.urgency());
        }
        if (filter.origin() != null) {
            where.add("e.origin = :origin");
            params.put("origin", filter.origin());
        }
        if (filter.clientSubject() != null) {
            where.add("e.clientSubject = :client");
            params.put("client", filter.clientSubject());
        }
        if (filter.overdue()) {
            where.add(overdueCondition(params));
        }
        Page<Referral> listed = tenant.pageNewestFirst(Referral.class, where, params, page, "e.createdAt");
        audit.record("list", "referral", null, filter.described());
        return listed;
    }

    /** Sent and unanswered past the tenant's deadline for its urgency. */
    private String overdueCondition(Map<String, Object> params) {
        AnswerDeadlines d = deadlines.deadlines();
        Instant now = Instant.now();
        List<String> perUrgency = new ArrayList<>();
        for (Urgency u : Urgency.values()) {
            perUrgency.add("(e.urgency = '" + u.code + "' and e.sentAt < :before_" + u.name() + ")");
            params.put("before_" + u.name(), d.sentBefore(u, now));
        }
        return "e.status = '" + SENT + "' and (" + String.join(" or ", perUrgency) + ")";
    }

    public Page<Referral> clientsOwnList(PageRequest page) {
        Caller caller = callerContext.caller();
        ReferralPolicy policy = new ReferralPolicy();
        policy.requireAllowed(caller, Action.READ_AS_CLIENT);
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(
                List.of("(" + policy.filter(caller, Action.READ_AS_CLIENT).jpql("e", params) + ")"));
        return tenant.pageNewestFirst(Referral.class, where, params, page, "e.createdAt");
    }

    /** One page of the referral's steps, newest first (audited). */
    @Transactional
    public Page<ReferralStep> history(UUID id, PageRequest page) {
        Referral r = require(id, Action.READ_HISTORY);
        audit.record("read-history", "referral", r.id, null);
        return history.page(r, page);
    }

    public Optional<ConsentRecord> currentConsent(Referral r) {
        return r.consentId == null ? Optional.empty() : tenant.find(ConsentRecord.class, r.consentId);
    }

    public Optional<DirectoryService> service(Referral r) {
        return r.serviceId == null ? Optional.empty() : tenant.find(DirectoryService.class, r.serviceId);
    }

    private DirectoryService directoryService(UUID id) {
        return id == null ? null : tenant.find(DirectoryService.class, id).orElse(null);
    }

    /** The current consents of a page of referrals, by consent id, in one query. */
    public Map<UUID, ConsentRecord> currentConsents(List<Referral> page) {
        return byId(ConsentRecord.class, page.stream().map(r -> r.consentId).toList(), c -> c.id);
    }

    /** Directory services by id, in one query (a page's worth, not one query per row). */
    public Map<UUID, DirectoryService> services(List<UUID> ids) {
        return byId(DirectoryService.class, ids, s -> s.id);
    }

    private <E> Map<UUID, E> byId(Class<E> type, List<UUID> ids, Function<E, UUID> id) {
        List<UUID> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return new HashMap<>(); // not Map.of(): callers look up null ids
        }
        return tenant.select(type, "e.id in :ids", null, Map.of("ids", wanted))
                .getResultStream()
                .collect(Collectors.toMap(id, e -> e));
    }
}
