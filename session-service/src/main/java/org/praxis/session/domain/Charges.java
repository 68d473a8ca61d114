package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.session.domain.access.ChargePolicy;

/**
 * Payment per session where the contract in force says so: a held session costs its price, a late
 * cancellation by the client or a no-show its late cancellation fee. Each is recorded once per session and
 * kind (a retried outcome finds it there); there is no billing here.
 */
@ApplicationScoped
public class Charges {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    Contracts contracts;

    @Inject
    Engagements engagements;

    @Inject
    Policies policies;

    @Inject
    AuditLog audit;

    /** Currencies the totals name at most (one per contract version at most; in practice one). */
    public static final int CURRENCIES = 20;

    public record Total(String currency, long amountMinor) {}

    public record Statement(Page<SessionCharge> charges, List<Total> totals) {}

    /** Whether cancelling {@code s} at {@code at} is late: inside the contract's notice, else 24 hours. */
    boolean isLate(CoachingSession s, Instant at) {
        Duration notice = contracts
                .inForce(s.engagementId)
                .map(v -> v.contract().lateCancellationHours)
                .map(Duration::ofHours)
                .orElse(CoachingSession.LATE_CANCELLATION);
        return at.isAfter(s.scheduledAt.minus(notice));
    }

    /** {@code s} has just been held, cancelled or missed: charge what the contract in force says it costs. */
    void settled(CoachingSession s) {
        contracts.inForce(s.engagementId).map(Contracts.Version::contract).ifPresent(c -> {
            if (CoachingSession.HELD.equals(s.status)) {
                charge(s, SessionCharge.SESSION, c.pricePerSession());
            } else if (CoachingSession.NO_SHOW.equals(s.status)
                    || (Boolean.TRUE.equals(s.cancelledLate) && CoachingSession.BY_CLIENT.equals(s.cancelledBy))) {
                charge(s, SessionCharge.LATE_CANCELLATION, c.lateCancellationFee());
            }
        });
    }

    private void charge(CoachingSession s, String kind, Money amount) {
        boolean charged = amount == null
                || !tenant.select(
                                SessionCharge.class,
                                "e.sessionId = :s and e.kind = :k",
                                null,
                                Map.of("s", s.id, "k", kind))
                        .getResultList()
                        .isEmpty();
        if (charged) {
            return;
        }
        SessionCharge c = new SessionCharge();
        c.id = UUID.randomUUID();
        c.tenantId = s.tenantId;
        c.engagementId = s.engagementId;
        c.sessionId = s.id;
        c.kind = kind;
        c.amountMinor = amount.amountMinor();
        c.currency = amount.currency();
        c.createdAt = Instant.now();
        em.persist(c);
        audit.record("charge", "session-charge", c.id, null);
    }

    /** A page of the engagement's charges, newest first, with its totals per currency, to those who may see them. */
    public Statement of(UUID engagementId, PageRequest page) {
        engagements.readable(engagementId);
        ChargePolicy policy = policies.charges();
        policy.requireAllowed(policies.caller(), ChargePolicy.Action.LIST);
        Map<String, Object> params = new HashMap<>(Map.of("eng", engagementId));
        List<String> where =
                new ArrayList<>(List.of("e.engagementId = :eng", policy.listFilter(policies.caller(), params)));
        Page<SessionCharge> charges = tenant.pageNewestFirst(SessionCharge.class, where, params, page, "e.createdAt");
        List<Total> totals = em.createQuery(
                        "select c.currency, sum(c.amountMinor) from SessionCharge c"
                                + " where c.tenantId = :t and c.engagementId = :e group by c.currency order by c.currency",
                        Object[].class)
                .setParameter("t", tenant.tenantId())
                .setParameter("e", engagementId)
                .setMaxResults(CURRENCIES)
                .getResultStream()
                .map(row -> new Total((String) row[0], ((Number) row[1]).longValue()))
                .toList();
        return new Statement(charges, totals);
    }
}
