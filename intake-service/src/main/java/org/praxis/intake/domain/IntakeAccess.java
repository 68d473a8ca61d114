package org.praxis.intake.domain;

import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Object-level access to an intake, deny by default: a client reaches their own, a coach the ones
 * assigned to them or not yet assigned, supervisors and admins every intake of their tenant.
 * Tenant separation itself is done by the query (another tenant's intake is never loaded).
 */
public final class IntakeAccess {
    private IntakeAccess() {
    }

    public static boolean canRead(Caller caller, Intake intake) {
        if (caller.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)) {
            return true;
        }
        if (caller.hasRole(Roles.COACH) && (intake.assignedCoach == null || intake.assignedCoach.equals(caller.subject()))) {
            return true;
        }
        return caller.hasRole(Roles.CLIENT) && caller.subject().equals(intake.clientSubject);
    }

    /** Practitioners who may work on the intake: send instruments, raise flags, see answers. */
    public static boolean canPractise(Caller caller, Intake intake) {
        if (caller.hasRole(Roles.SUPERVISOR)) {
            return true;
        }
        return caller.hasRole(Roles.COACH) && (intake.assignedCoach == null || intake.assignedCoach.equals(caller.subject()));
    }

    /** Who may submit a screening: the client for themselves, or a practitioner entering it with them. */
    public static boolean canSubmitScreening(Caller caller, Intake intake) {
        return canPractise(caller, intake) || caller.hasRole(Roles.CLIENT) && caller.subject().equals(intake.clientSubject);
    }
}
