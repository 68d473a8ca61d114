package org.praxis.referral.domain;

import static org.praxis.referral.domain.ReferralLifecycle.ACCEPTED;
import static org.praxis.referral.domain.ReferralLifecycle.AWAITING_CONSENT;
import static org.praxis.referral.domain.ReferralLifecycle.SENT;
import static org.praxis.referral.domain.ReferralLifecycle.WITHDRAWN;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.referral.domain.access.ConsentPolicy;
import org.praxis.referral.domain.access.ReferralPolicy;
import org.praxis.referral.domain.access.ReferralPolicy.Action;

/**
 * The client's say over a referral: the practitioner asks them about the complete terms, they agree
 * (sharing no more than was proposed) or refuse, and may withdraw until it is sent. Every consent
 * asked is kept as a {@link ConsentRecord}.
 */
@ApplicationScoped
public class ReferralConsent {
    @Inject
    Caseloads caseloads;

    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    Referrals referrals;

    @Inject
    ReferralHistory history;

    @Inject
    AuditLog audit;

    /** The practitioner asks the client: the terms must be complete so the client knows what they agree to. */
    @Transactional
    public Referral ask(UUID id, String ifMatch) {
        Referral r = referrals.require(id, Action.ASK_CONSENT, ifMatch);
        ReferralLifecycle.requireMove(r.status, AWAITING_CONSENT);
        if (r.clientSubject == null) {
            throw ProblemException.unprocessable(
                    "The person has no account yet to be asked for consent (the referral knows them by their intake)",
                    List.of(
                            new Violation(
                                    "clientSubject",
                                    "is not known yet: ask once the person has an account, or use the serious-risk exception")));
        }
        if (r.serviceId == null) {
            throw ProblemException.unprocessable(
                    "Choose the directory service before asking the client",
                    List.of(new Violation("serviceId", "is required before the client is asked")));
        }
        ConsentRecord c = new ConsentRecord();
        c.id = UUID.randomUUID();
        c.tenantId = r.tenantId;
        c.referralId = r.id;
        c.askedBy = history.actor();
        c.askedAt = Instant.now();
        if (r.clientAskedAt == null) {
            r.clientAskedAt = c.askedAt;
        }
        c.proposed = List.copyOf(r.disclose);
        c.decision = ConsentRecord.PENDING;
        c.shares = List.of();
        em.persist(c);
        r.consentId = c.id;
        history.move(r, AWAITING_CONSENT, "ask-consent", null);
        return r;
    }

    /** A referral about the client as they read it; audited, as it shows what would be shared (its risk level too). */
    @Transactional
    public Referral readByClient(UUID id) {
        Referral r = referrals.require(id, Action.READ_AS_CLIENT);
        audit.record("read-as-client", "referral", r.id, null);
        return r;
    }

    /** A page of the referrals about the client, audited as the single read is. */
    @Transactional
    public Page<Referral> clientsOwn(PageRequest page) {
        Page<Referral> mine = referrals.clientsOwnList(page);
        audit.record("list-as-client", "referral", null, null);
        return mine;
    }

    /**
     * The client agrees (sharing no more than was proposed) or refuses; a refusal ends the referral, unless the
     * serious-risk exception was asked for it ({@link #exceptionStands}).
     */
    @Transactional
    public Referral decide(UUID id, boolean agree, List<String> shares, String words) {
        Referral r = referrals.require(id, Action.READ_AS_CLIENT);
        if (!AWAITING_CONSENT.equals(r.status)) {
            throw ProblemException.conflict("This referral is not waiting for your consent; it is " + r.status + ".");
        }
        ConsentRecord c =
                referrals.currentConsent(r).orElseThrow(() -> ProblemException.conflict("No consent was asked for."));
        policy().require(callerContext.caller(), ConsentPolicy.Action.DECIDE, c, c.id);
        c.decide(agree, shares, words, Instant.now());
        // The answer is part of the referral as read: its version moves, so no cached copy is answered 304.
        em.lock(r, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (agree) {
            history.step(r, "consent-given", null);
        } else if (exceptionStands(r)) {
            history.step(r, "consent-refused", EXCEPTION_STANDS);
        } else {
            history.move(r, WITHDRAWN, "consent-refused", null);
        }
        return r;
    }

    /** A client may withdraw their consent while the referral has not been sent. */
    @Transactional
    public Referral withdraw(UUID id, String reason) {
        Referral r = referrals.require(id, Action.READ_AS_CLIENT);
        if (!AWAITING_CONSENT.equals(r.status)) {
            throw ProblemException.conflict(
                    SENT.equals(r.status) || ACCEPTED.equals(r.status)
                            ? "This referral has already been sent; talk to your coach about stopping it."
                            : "This referral is " + r.status + "; there is no consent to withdraw.");
        }
        ConsentRecord consent = referrals.currentConsent(r).orElse(null);
        if (consent != null) {
            policy().require(callerContext.caller(), ConsentPolicy.Action.WITHDRAW, consent, consent.id);
            consent.decision = ConsentRecord.WITHDRAWN;
            consent.withdrawnAt = Instant.now();
        }
        if (exceptionStands(r)) {
            history.step(r, "consent-withdrawn", EXCEPTION_STANDS);
        } else {
            history.move(r, WITHDRAWN, "consent-withdrawn", reason);
        }
        return r;
    }

    private static final String EXCEPTION_STANDS = "the serious-risk exception asked for it stands";

    /**
     * DESIGN: under the serious-risk exception a referral may go without the client's consent. Once it is asked
     * for (and while it stands: a change of terms voids it), the client's no is recorded but does not end the
     * referral, or an emergency approved by a second supervisor would have to start again.
     */
    private static boolean exceptionStands(Referral r) {
        return r.exceptionRequestedBy != null;
    }

    /**
     * One page of the consents asked about a referral, newest first, as far as the caller may see
     * them; audited with the history.
     */
    @Transactional
    public Page<ConsentRecord> asked(UUID referralId, PageRequest page) {
        Referral r = referrals.require(referralId, ReferralPolicy.Action.READ_HISTORY);
        audit.record("read-history", "referral", r.id, null);
        Map<String, Object> params = new HashMap<>(Map.of("r", r.id));
        String visible = policy().filter(callerContext.caller(), ConsentPolicy.Action.VIEW)
                .jpql("e", params);
        List<String> where = new ArrayList<>(List.of("e.referralId = :r", "(" + visible + ")"));
        return tenant.pageNewestFirst(ConsentRecord.class, where, params, page, "e.askedAt");
    }

    private ConsentPolicy policy() {
        var caller = callerContext.caller();
        return new ConsentPolicy(
                c -> tenant.find(Referral.class, c.referralId).orElse(null),
                () -> caseloads.supervisees(caller.tenantId(), caller.subject()));
    }
}
