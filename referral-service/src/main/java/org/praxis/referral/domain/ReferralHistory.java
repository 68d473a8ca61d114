package org.praxis.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.referral.domain.events.ReferralEvents;

/**
 * How every sub-process of a referral records what it did: each step is kept in the referral's
 * history with who, when and why, and audited; each change of status is also published as
 * {@code referral.status-changed}.
 */
@ApplicationScoped
class ReferralHistory {
    @Inject
    EntityManager em;

    @Inject
    CallerContext callerContext;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    @Inject
    TenantQueries tenant;

    /** Moves the referral to {@code to} (409 when the lifecycle does not allow it), recorded and published. */
    void move(Referral r, String to, String action, String reason) {
        ReferralLifecycle.requireMove(r.status, to);
        r.status = to;
        r.statusAt = Instant.now();
        step(r, action, reason);
        publish(r);
    }

    /** Records the step in the referral's history and the audit log. */
    void step(Referral r, String action, String reason) {
        ReferralStep s = new ReferralStep();
        s.id = UUID.randomUUID();
        s.tenantId = r.tenantId;
        s.referralId = r.id;
        s.status = r.status;
        s.action = action;
        s.actor = actor();
        s.at = Instant.now();
        s.reason(reason);
        em.persist(s);
        audit.record(action, "referral", r.id, null);
    }

    void publish(Referral r) {
        outbox.publish(new ReferralEvents.StatusChanged(
                r.id,
                r.engagementId,
                r.intakeId,
                r.status,
                r.urgency,
                r.serviceKind,
                r.clientSubject,
                r.practitionerId,
                r.createdBy,
                r.origin));
    }

    /** Who is acting, to stamp on what they do. */
    String actor() {
        return callerContext.subject();
    }

    /** The terms an exception is asked or approved for, as the history shows them. */
    static String terms(Referral r) {
        return "urgency " + r.urgency + ", service " + r.serviceId + ", disclosing " + r.disclose + ", reason "
                + r.reasonCode;
    }

    /** One page of the referral's steps, newest first. */
    Page<ReferralStep> page(Referral r, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("e.referralId = :r"));
        Map<String, Object> params = new HashMap<>(Map.of("r", r.id));
        return tenant.pageNewestFirst(ReferralStep.class, where, params, page, "e.at");
    }
}
