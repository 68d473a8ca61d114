package org.praxis.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.ETags;
import org.praxis.referral.domain.access.ReferralPolicy;
import org.praxis.referral.domain.access.ReferralPolicy.Action;

/**
 * The serious-risk exception: referring without the client's consent, only in an emergency and with
 * a justification, once a supervisor other than the one who asked approved it for exactly these
 * terms. Its rules are on {@link Referral}; who may ask and approve is {@link ReferralPolicy}'s.
 */
@ApplicationScoped
public class RiskExceptions {
    @Inject
    CallerContext callerContext;

    @Inject
    Referrals referrals;

    @Inject
    ReferralHistory history;

    @Transactional
    public Referral request(UUID id, String ifMatch, String justification) {
        Referral r = referrals.require(id, Action.REQUEST_EXCEPTION, ifMatch);
        r.requireExceptionRequestable();
        boolean approved = r.exceptionApprovedAt != null;
        r.requestException(justification, history.actor(), Instant.now());
        if (approved) {
            history.step(r, "void-risk-exception", "a new justification replaces the approved one");
        }
        history.step(r, "request-risk-exception", justification);
        return r;
    }

    @Transactional
    public Referral approve(UUID id, String ifMatch) {
        Referral r = referrals.require(id, Action.APPROVE_EXCEPTION);
        // Required, not optional: the supervisor approves the terms and justification of the version they read.
        ETags.requireMatch(ifMatch, r.version);
        r.requireExceptionApprovable();
        if (new ReferralPolicy().requestedException(callerContext.caller(), r)) {
            throw ProblemException.unprocessable(
                    "Another supervisor must approve the exception you requested",
                    List.of(new Violation("approver", "must not be the person who requested the exception")));
        }
        r.approveException(history.actor(), Instant.now());
        history.step(r, "approve-risk-exception", "for " + ReferralHistory.terms(r));
        return r;
    }
}
