package org.praxis.assessment.domain;

import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Object-level access to a practitioner's records, deny by default: the practitioner themselves, and
 * a supervisor only for the practitioners whose profile names them as supervisor. Clients and
 * sponsors reach nothing; admins manage profiles and supervisors but read no ratings or evidence.
 */
public final class PractitionerAccess {
    private PractitionerAccess() {
    }

    public static boolean isSelf(Caller caller, String practitionerId) {
        return caller.hasAnyRole(Roles.COACH, Roles.SUPERVISOR) && caller.subject().equals(practitionerId);
    }

    public static boolean supervises(Caller caller, Practitioner p) {
        return caller.hasRole(Roles.SUPERVISOR) && p != null && caller.subject().equals(p.supervisorId);
    }

    public static boolean canRead(Caller caller, Practitioner p) {
        return isSelf(caller, p.subject) || supervises(caller, p);
    }
}
