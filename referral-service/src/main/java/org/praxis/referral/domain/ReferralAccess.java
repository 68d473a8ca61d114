package org.praxis.referral.domain;

import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Object-level access to a referral, deny by default: supervisors act on every referral in their
 * tenant, a coach on the referrals they are responsible for, a client sees their own once they have
 * been asked (a draft is the practitioners' work in progress). Admins and sponsors reach none.
 */
public final class ReferralAccess {
    private ReferralAccess() {
    }

    public static boolean canPractise(Caller caller, Referral r) {
        return caller.hasRole(Roles.SUPERVISOR)
                || caller.hasRole(Roles.COACH) && r.practitionerId != null && r.practitionerId.equals(caller.subject());
    }

    public static boolean isClientsOwn(Caller caller, Referral r) {
        return caller.hasRole(Roles.CLIENT) && caller.subject().equals(r.clientSubject)
                && !ReferralLifecycle.DRAFT.equals(r.status);
    }
}
