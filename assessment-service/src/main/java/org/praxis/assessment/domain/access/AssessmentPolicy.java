package org.praxis.assessment.domain.access;

import static org.praxis.assessment.domain.access.PractitionerRelation.OWN;
import static org.praxis.assessment.domain.access.PractitionerRelation.SUPERVISEE;

import java.util.Set;
import org.praxis.assessment.domain.Assessment;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Field;
import org.praxis.platform.security.Roles;

/**
 * An assessment cycle with its self and assessor ratings: the practitioner rates themselves, their
 * supervisor rates them as assessor and completes the cycle; both read it.
 */
public final class AssessmentPolicy extends PractitionerRecordPolicy<Assessment, AssessmentPolicy.Action> {
    public enum Action {
        VIEW,
        OPEN,
        RATE_SELF,
        RATE_AS_ASSESSOR,
        COMPLETE
    }

    static final Field<Assessment, String> PRACTITIONER = Field.of("practitionerId", a -> a.practitionerId);

    public static final AccessRules<Action, PractitionerRelation> RULES = AccessRules.of(
                    "assessment", Action.class, PractitionerRelation.class)
            .allow(Action.VIEW, Roles.COACH, OWN)
            .allow(Action.VIEW, Roles.SUPERVISOR, OWN, SUPERVISEE)
            .allow(Action.OPEN, Roles.COACH, OWN)
            .allow(Action.OPEN, Roles.SUPERVISOR, OWN, SUPERVISEE)
            .allow(Action.RATE_SELF, Roles.COACH, OWN)
            .allow(Action.RATE_SELF, Roles.SUPERVISOR, OWN)
            .allow(Action.RATE_AS_ASSESSOR, Roles.SUPERVISOR, SUPERVISEE)
            .allow(Action.COMPLETE, Roles.SUPERVISOR, SUPERVISEE)
            .audit(Action.OPEN, "open")
            .audit(Action.RATE_SELF, "rate-self")
            .audit(Action.RATE_AS_ASSESSOR, "rate-assessor")
            .audit(Action.COMPLETE, "complete")
            .build();

    public AssessmentPolicy(Set<String> supervisees) {
        super(RULES, Action.VIEW, "Assessment", PRACTITIONER, supervisees);
    }

    /** A cycle not yet opened (or the practitioner whose cycles are listed). */
    public static Assessment proposed(String practitioner) {
        Assessment a = new Assessment();
        a.practitionerId = practitioner;
        return a;
    }
}
