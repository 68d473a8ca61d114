package org.praxis.session.domain;

import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Object-level access to an engagement, deny by default. Supervisors see the tenant's engagements
 * until the supervision register (who supervises whom) arrives from assessment-service.
 */
public final class EngagementAccess {
    private EngagementAccess() {
    }

    public static boolean canRead(Caller caller, Engagement e) {
        return canPractise(caller, e) || caller.hasRole(Roles.CLIENT) && caller.subject().equals(e.clientSubject);
    }

    public static boolean canPractise(Caller caller, Engagement e) {
        return caller.hasRole(Roles.SUPERVISOR)
                || caller.hasRole(Roles.COACH) && caller.subject().equals(e.practitionerId);
    }
}
