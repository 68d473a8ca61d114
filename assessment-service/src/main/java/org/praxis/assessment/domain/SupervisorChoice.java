package org.praxis.assessment.domain;

import java.util.List;
import org.praxis.platform.problem.Violation;

/**
 * Who may be named a practitioner's supervisor. A supervisor rates their supervisee as assessor and verifies
 * their hours and sessions, so nobody supervises themselves, and nobody is supervised by one they supervise:
 * each would then vouch for the other.
 */
final class SupervisorChoice {
    private SupervisorChoice() {}

    /**
     * @param supervisorsSupervisor who supervises the proposed supervisor now (null: nobody, or no profile)
     */
    static List<Violation> violations(String practitioner, String supervisor, String supervisorsSupervisor) {
        if (supervisor == null) {
            return List.of(); // the supervisor is removed
        }
        if (supervisor.equals(practitioner)) {
            return List.of(new Violation("supervisorId", "must be someone else"));
        }
        if (practitioner.equals(supervisorsSupervisor)) {
            return List.of(new Violation("supervisorId", "must not be one this practitioner supervises"));
        }
        return List.of();
    }
}
