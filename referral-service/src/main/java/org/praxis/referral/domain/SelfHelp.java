package org.praxis.referral.domain;

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
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.referral.domain.access.ReferralPolicy;
import org.praxis.referral.domain.access.SelfHelpOfferPolicy;
import org.praxis.referral.domain.access.SelfHelpOfferPolicy.Action;

/**
 * Self-help first: a practitioner offers a directory self-help resource instead of, or before, a
 * referral, so the person can start on their own terms. The offer stays on the person's record.
 */
@ApplicationScoped
public class SelfHelp {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    @Inject
    Referrals referrals;

    @Inject
    Caseloads caseloads;

    @Transactional
    public SelfHelpOffer offer(String clientSubject, UUID serviceId, String note, UUID referralId) {
        Caller caller = callerContext.caller();
        caseloads.selfHelpPolicy(caller).requireAllowed(caller, Action.CREATE);
        caseloads.requireNameable(caller, null, null, clientSubject);
        DirectoryService service =
                tenant.find(DirectoryService.class, serviceId).orElse(null);
        if (service == null || !ServiceKinds.SELF_HELP.equals(service.kind)) {
            throw ProblemException.unprocessable(
                    "Offer a self-help resource from your directory",
                    List.of(new Violation("serviceId", "must be a directory service of kind self-help")));
        }
        if (referralId != null) {
            Referral r = referrals.require(referralId, org.praxis.referral.domain.access.ReferralPolicy.Action.READ);
            if (!clientSubject.equals(r.clientSubject)) {
                throw ProblemException.unprocessable(
                        "The referral is another person's",
                        List.of(new Violation("referralId", "must be a referral of the same client")));
            }
        }
        SelfHelpOffer o = new SelfHelpOffer();
        o.id = UUID.randomUUID();
        o.tenantId = callerContext.tenantId();
        o.clientSubject = clientSubject;
        o.serviceId = serviceId;
        o.referralId = referralId;
        o.note(note);
        o.offeredBy = actor();
        o.offeredAt = Instant.now();
        em.persist(o);
        audit.record("offer", "self-help", o.id, null);
        return o;
    }

    /** Practitioners: a supervisor sees every offer in the tenant, a coach the offers they made. */
    public Page<SelfHelpOffer> list(PageRequest page, String clientSubject) {
        Caller caller = callerContext.caller();
        SelfHelpOfferPolicy policy = new SelfHelpOfferPolicy();
        policy.requireAllowed(caller, Action.LIST);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("(" + policy.filter(caller, Action.LIST).jpql("e", params) + ")");
        if (clientSubject != null) {
            where.add("e.clientSubject = :client");
            params.put("client", clientSubject);
        }
        return page(page, where, params);
    }

    public Page<SelfHelpOffer> offeredToCaller(PageRequest page) {
        Caller caller = callerContext.caller();
        SelfHelpOfferPolicy policy = new SelfHelpOfferPolicy();
        policy.requireAllowed(caller, Action.READ_AS_CLIENT);
        Map<String, Object> params = new HashMap<>();
        return page(
                page,
                new ArrayList<>(List.of(
                        "(" + policy.filter(caller, Action.READ_AS_CLIENT).jpql("e", params) + ")")),
                params);
    }

    /**
     * Of the offers' referrals, those the calling client reads: an offer made "before a referral" names no draft
     * they may not know of (a client reads a referral once asked or sent, as {@link ReferralPolicy} says).
     */
    public java.util.Set<UUID> referralsShownToCaller(List<SelfHelpOffer> offers) {
        List<UUID> ids = offers.stream()
                .map(o -> o.referralId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        Map<String, Object> params = new HashMap<>(Map.of("ids", ids));
        String readable = new ReferralPolicy()
                .filter(callerContext.caller(), ReferralPolicy.Action.READ_AS_CLIENT)
                .jpql("e", params);
        return java.util.Set.copyOf(
                tenant
                        .select(Referral.class, "e.id in :ids and (" + readable + ")", null, params)
                        .getResultList()
                        .stream()
                        .map(r -> r.id)
                        .toList());
    }

    /** Who is acting, to stamp on the offer. */
    private String actor() {
        return callerContext.subject();
    }

    private Page<SelfHelpOffer> page(PageRequest page, List<String> where, Map<String, Object> params) {
        return tenant.pageNewestFirst(SelfHelpOffer.class, where, params, page, "e.offeredAt");
    }

    public DirectoryService resource(SelfHelpOffer offer) {
        return em.find(DirectoryService.class, offer.serviceId);
    }

    /** The resources of a page of offers by id, in one query rather than one per offer. */
    public Map<UUID, DirectoryService> resources(List<SelfHelpOffer> offers) {
        return referrals.services(offers.stream().map(o -> o.serviceId).toList());
    }
}
