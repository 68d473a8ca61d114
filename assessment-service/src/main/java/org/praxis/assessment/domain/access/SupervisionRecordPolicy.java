package org.praxis.assessment.domain.access;

import static org.praxis.assessment.domain.access.PractitionerRelation.OWN;
import static org.praxis.assessment.domain.access.PractitionerRelation.SUPERVISEE;

import java.util.Set;
import org.praxis.assessment.domain.SupervisionSession;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Field;
import org.praxis.platform.security.Roles;

/**
 * A supervision session: recorded by the supervisee or their supervisor, read by both; one the
 * supervisee records counts toward eligibility only once their supervisor has verified it (one the
 * supervisor records is verified by them as they record it).
 */
public final class SupervisionRecordPolicy
        extends PractitionerRecordPolicy<SupervisionSession, SupervisionRecordPolicy.Action> {
    public enum Action {
        VIEW,
        RECORD,
        VERIFY
    }

    static final Field<SupervisionSession, String> SUPERVISEE_ID = Field.of("superviseeId", s -> s.superviseeId);

    public static final AccessRules<Action, PractitionerRelation> RULES = AccessRules.of(
                    "supervision-record", Action.class, PractitionerRelation.class)
            .allow(Action.VIEW, Roles.COACH, OWN)
            .allow(Action.VIEW, Roles.SUPERVISOR, OWN, SUPERVISEE)
            .allow(Action.RECORD, Roles.COACH, OWN)
            .allow(Action.RECORD, Roles.SUPERVISOR, OWN, SUPERVISEE)
            .allow(Action.VERIFY, Roles.SUPERVISOR, SUPERVISEE)
            .audit(Action.RECORD, "create (and verify, when the supervisor records it)")
            .audit(Action.VERIFY, "verify")
            .build();

    public SupervisionRecordPolicy(Set<String> supervisees) {
        super(RULES, Action.VIEW, "Supervision session", SUPERVISEE_ID, supervisees);
    }

    /** A session not yet recorded (or the supervisee whose sessions are listed). */
    public static SupervisionSession proposed(String supervisee) {
        SupervisionSession s = new SupervisionSession();
        s.superviseeId = supervisee;
        return s;
    }
}
