package org.praxis.assessment.domain.access;

import static org.praxis.assessment.domain.access.PractitionerRelation.HELD_AS_SUPERVISOR;
import static org.praxis.assessment.domain.access.PractitionerRelation.OWN;
import static org.praxis.assessment.domain.access.PractitionerRelation.SUPERVISEE;

import java.util.Set;
import org.praxis.assessment.domain.SupervisionSession;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * A supervision session: recorded by the supervisee or their supervisor, read by both; one the
 * supervisee records counts toward eligibility only once the supervisor who held it has verified it (one the
 * supervisor records is verified by them as they record it). That is the supervisor the session names, even when
 * another supervises the practitioner now: nobody vouches for a meeting they did not hold.
 */
public final class SupervisionRecordPolicy
        extends PractitionerRecordPolicy<SupervisionSession, SupervisionRecordPolicy.Action> {
    public enum Action {
        VIEW,
        RECORD,
        VERIFY
    }

    static final Field<SupervisionSession, String> SUPERVISEE_ID = Field.of("superviseeId", s -> s.superviseeId);
    static final Field<SupervisionSession, String> SUPERVISOR_ID = Field.of("supervisorId", s -> s.supervisorId);

    public static final AccessRules<Action, PractitionerRelation> RULES = AccessRules.of(
                    "supervision-record", Action.class, PractitionerRelation.class)
            .allow(Action.VIEW, Roles.COACH, OWN)
            .allow(Action.VIEW, Roles.SUPERVISOR, OWN, SUPERVISEE, HELD_AS_SUPERVISOR)
            .allow(Action.RECORD, Roles.COACH, OWN)
            .allow(Action.RECORD, Roles.SUPERVISOR, OWN, SUPERVISEE)
            .allow(Action.VERIFY, Roles.SUPERVISOR, HELD_AS_SUPERVISOR)
            .audit(Action.RECORD, "create (and verify, when the supervisor records it)")
            .audit(Action.VERIFY, "verify")
            .build();

    public SupervisionRecordPolicy(Set<String> supervisees) {
        super(RULES, Action.VIEW, "Supervision session", SUPERVISEE_ID, supervisees);
    }

    @Override
    protected Criterion<SupervisionSession> relation(PractitionerRelation relation, Caller caller) {
        return relation == HELD_AS_SUPERVISOR
                ? (caller.subject() == null ? Criterion.none() : SUPERVISOR_ID.is(caller.subject()))
                : super.relation(relation, caller);
    }

    /** A session not yet recorded (or the supervisee whose sessions are listed). */
    public static SupervisionSession proposed(String supervisee) {
        return proposed(supervisee, null);
    }

    /** A session not yet recorded, held with {@code supervisor}. */
    public static SupervisionSession proposed(String supervisee, String supervisor) {
        SupervisionSession s = new SupervisionSession();
        s.superviseeId = supervisee;
        s.supervisorId = supervisor;
        return s;
    }
}
