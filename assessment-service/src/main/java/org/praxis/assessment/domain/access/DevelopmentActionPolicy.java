package org.praxis.assessment.domain.access;

import static org.praxis.assessment.domain.access.PractitionerRelation.OWN;
import static org.praxis.assessment.domain.access.PractitionerRelation.SUPERVISEE;

import java.util.Set;
import org.praxis.assessment.domain.DevelopmentAction;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Field;
import org.praxis.platform.security.Roles;

/** The development plan: the practitioner and their supervisor add actions for the gaps and mark them done. */
public final class DevelopmentActionPolicy
        extends PractitionerRecordPolicy<DevelopmentAction, DevelopmentActionPolicy.Action> {
    public enum Action {
        VIEW,
        CREATE,
        COMPLETE
    }

    static final Field<DevelopmentAction, String> PRACTITIONER = Field.of("practitionerId", d -> d.practitionerId);

    public static final AccessRules<Action, PractitionerRelation> RULES = AccessRules.of(
                    "development-action", Action.class, PractitionerRelation.class)
            .allow(Action.VIEW, Roles.COACH, OWN)
            .allow(Action.VIEW, Roles.SUPERVISOR, OWN, SUPERVISEE)
            .allow(Action.CREATE, Roles.COACH, OWN)
            .allow(Action.CREATE, Roles.SUPERVISOR, OWN, SUPERVISEE)
            .allow(Action.COMPLETE, Roles.COACH, OWN)
            .allow(Action.COMPLETE, Roles.SUPERVISOR, OWN, SUPERVISEE)
            .audit(Action.CREATE, "create")
            .audit(Action.COMPLETE, "complete")
            .build();

    public DevelopmentActionPolicy(Set<String> supervisees) {
        super(RULES, Action.VIEW, "Development action", PRACTITIONER, supervisees);
    }

    public static DevelopmentAction proposed(String practitioner) {
        DevelopmentAction d = new DevelopmentAction();
        d.practitionerId = practitioner;
        return d;
    }
}
