package org.praxis.session.domain;

import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Object-level access to an engagement, deny by default: its client, its practitioner, and a
 * supervisor only when they supervise that practitioner ({@code supervises}, from the register).
 */
public final class EngagementAccess {
    private EngagementAccess() {
    }

    public static boolean canRead(Caller caller, Engagement e, boolean supervises) {
        return canPractise(caller, e, supervises) || caller.hasRole(Roles.CLIENT) && caller.subject().equals(e.clientSubject);
    }

    public static boolean canPractise(Caller caller, Engagement e, boolean supervises) {
        return caller.hasRole(Roles.SUPERVISOR) && supervises
                || caller.hasRole(Roles.COACH) && caller.subject().equals(e.practitionerId);
    }
}
