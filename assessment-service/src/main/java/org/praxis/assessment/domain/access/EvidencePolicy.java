package org.praxis.assessment.domain.access;

import static org.praxis.assessment.domain.access.PractitionerRelation.OWN;
import static org.praxis.assessment.domain.access.PractitionerRelation.SUPERVISEE;

import java.util.Set;
import org.praxis.assessment.domain.Evidence;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Field;
import org.praxis.platform.security.Roles;

/**
 * Evidence of practice, practice hours included: the practitioner records their own; they and their
 * supervisor read it; only the supervisor verifies it (typed-in practice hours count toward
 * eligibility only once verified; hours from session.completed are verified by the system).
 */
public final class EvidencePolicy extends PractitionerRecordPolicy<Evidence, EvidencePolicy.Action> {
    public enum Action {
        VIEW,
        CREATE,
        VERIFY
    }

    static final Field<Evidence, String> PRACTITIONER = Field.of("practitionerId", e -> e.practitionerId);

    public static final AccessRules<Action, PractitionerRelation> RULES = AccessRules.of(
                    "evidence", Action.class, PractitionerRelation.class)
            .allow(Action.VIEW, Roles.COACH, OWN)
            .allow(Action.VIEW, Roles.SUPERVISOR, OWN, SUPERVISEE)
            .allow(Action.CREATE, Roles.COACH, OWN)
            .allow(Action.CREATE, Roles.SUPERVISOR, OWN)
            .allow(Action.VERIFY, Roles.SUPERVISOR, SUPERVISEE)
            .audit(Action.CREATE, "create")
            .audit(Action.VERIFY, "verify")
            .build();

    public EvidencePolicy(Set<String> supervisees) {
        super(RULES, Action.VIEW, "Evidence", PRACTITIONER, supervisees);
    }

    /** Evidence not yet recorded (or the practitioner whose evidence is listed), for the create and list checks. */
    public static Evidence proposed(String practitioner) {
        Evidence e = new Evidence();
        e.practitionerId = practitioner;
        return e;
    }
}
