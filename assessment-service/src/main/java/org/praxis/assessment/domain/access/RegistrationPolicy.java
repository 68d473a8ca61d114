package org.praxis.assessment.domain.access;

import static org.praxis.assessment.domain.access.PractitionerRelation.ANY_IN_TENANT;
import static org.praxis.assessment.domain.access.PractitionerRelation.OWN;
import static org.praxis.assessment.domain.access.PractitionerRelation.SOMEONE_ELSES;
import static org.praxis.assessment.domain.access.PractitionerRelation.SUPERVISEE;

import java.util.Set;
import org.praxis.assessment.domain.Registration;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Field;
import org.praxis.platform.security.Roles;

/**
 * A professional registration: the practitioner enters and changes their own; it counts toward
 * eligibility only once an admin, never the practitioner themselves, has verified it.
 */
public final class RegistrationPolicy extends PractitionerRecordPolicy<Registration, RegistrationPolicy.Action> {
    public enum Action {
        VIEW,
        CREATE,
        UPDATE,
        VERIFY
    }

    static final Field<Registration, String> PRACTITIONER = Field.of("practitionerId", r -> r.practitionerId);

    public static final AccessRules<Action, PractitionerRelation> RULES = AccessRules.of(
                    "registration", Action.class, PractitionerRelation.class)
            .allow(Action.VIEW, Roles.COACH, OWN)
            .allow(Action.VIEW, Roles.SUPERVISOR, OWN, SUPERVISEE)
            .allow(Action.VIEW, Roles.ADMIN, ANY_IN_TENANT)
            .allow(Action.CREATE, Roles.COACH, OWN)
            .allow(Action.CREATE, Roles.SUPERVISOR, OWN)
            .allow(Action.UPDATE, Roles.COACH, OWN)
            .allow(Action.UPDATE, Roles.SUPERVISOR, OWN)
            .allow(Action.VERIFY, Roles.ADMIN, SOMEONE_ELSES)
            .audit(Action.CREATE, "create")
            .audit(Action.UPDATE, "update (voids the verification)")
            .audit(Action.VERIFY, "verify")
            .build();

    public RegistrationPolicy(Set<String> supervisees) {
        super(RULES, Action.VIEW, "Registration", PRACTITIONER, supervisees);
    }

    /** A registration not yet entered, for the create check. */
    public static Registration proposed(String practitioner) {
        Registration r = new Registration();
        r.practitionerId = practitioner;
        return r;
    }
}
