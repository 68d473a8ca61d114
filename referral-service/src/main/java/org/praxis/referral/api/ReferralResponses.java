package org.praxis.referral.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.praxis.platform.web.ETags;
import org.praxis.referral.api.ReferralViews.ReferralView;
import org.praxis.referral.domain.Deadlines;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.Referrals;

/** The practitioners' answer with a referral, the same from every referral resource: its view, ETag its version. */
@ApplicationScoped
class ReferralResponses {
    @Inject
    Referrals referrals;

    @Inject
    Deadlines deadlines;

    Response ok(Referral r) {
        return ETags.ok(view(r), r.version);
    }

    ReferralView view(Referral r) {
        return ReferralView.of(r, referrals.currentConsent(r).orElse(null), deadlines.deadlines());
    }
}
