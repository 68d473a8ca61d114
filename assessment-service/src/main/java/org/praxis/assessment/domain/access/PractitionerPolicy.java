package org.praxis.assessment.domain.access;

import org.praxis.assessment.domain.Practitioner;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * A practitioner's profile, competence profile and eligibility: the practitioner themselves, their
 * supervisor (the one the profile names), and admins for the profile itself (admins manage profiles
 * and supervisors but read no ratings or evidence). Clients and sponsors reach nothing.
 */
public final class PractitionerPolicy extends Policy<Practitioner, PractitionerPolicy.Action, PractitionerRelation> {
    public enum Action {
        VIEW,
        CREATE,
        UPDATE,
        ASSIGN_SUPERVISOR,
        VIEW_COMPETENCE_PROFILE,
        VIEW_ELIGIBILITY
    }

    static final Field<Practitioner, String> SUBJECT = Field.of("subject", p -> p.subject);
    static final Field<Practitioner, String> SUPERVISOR = Field.of("supervisorId", p -> p.supervisorId);

    public static final AccessRules<Action, PractitionerRelation> RULES = AccessRules.of(
                    "practitioner", Action.class, PractitionerRelation.class)
            .allow(Action.VIEW, Roles.COACH, PractitionerRelation.OWN)
            .allow(Action.VIEW, Roles.SUPERVISOR, PractitionerRelation.OWN, PractitionerRelation.SUPERVISEE)
            .allow(Action.VIEW, Roles.ADMIN, PractitionerRelation.ANY_IN_TENANT)
            .allow(Action.CREATE, Roles.COACH, PractitionerRelation.OWN)
            .allow(Action.CREATE, Roles.SUPERVISOR, PractitionerRelation.OWN)
            .allow(Action.CREATE, Roles.ADMIN, PractitionerRelation.ANY_IN_TENANT)
            .allow(Action.UPDATE, Roles.COACH, PractitionerRelation.OWN)
            .allow(Action.UPDATE, Roles.SUPERVISOR, PractitionerRelation.OWN)
            .allow(Action.UPDATE, Roles.ADMIN, PractitionerRelation.ANY_IN_TENANT)
            .allow(Action.ASSIGN_SUPERVISOR, Roles.ADMIN, PractitionerRelation.SOMEONE_ELSES) // not their own
            .allow(Action.VIEW_COMPETENCE_PROFILE, Roles.COACH, PractitionerRelation.OWN)
            .allow(
                    Action.VIEW_COMPETENCE_PROFILE,
                    Roles.SUPERVISOR,
                    PractitionerRelation.OWN,
                    PractitionerRelation.SUPERVISEE)
            .allow(Action.VIEW_ELIGIBILITY, Roles.COACH, PractitionerRelation.OWN)
            .allow(Action.VIEW_ELIGIBILITY, Roles.SUPERVISOR, PractitionerRelation.OWN, PractitionerRelation.SUPERVISEE)
            .audit(Action.CREATE, "create")
            .audit(Action.UPDATE, "update")
            .audit(Action.ASSIGN_SUPERVISOR, "assign-supervisor")
            .build();

    public PractitionerPolicy() {
        super(RULES, Action.VIEW, "Practitioner");
    }

    @Override
    protected Criterion<Practitioner> relation(PractitionerRelation relation, Caller caller) {
        return switch (relation) {
            case OWN -> SUBJECT.is(caller.subject());
            case SUPERVISEE -> SUPERVISOR.is(caller.subject());
            case SOMEONE_ELSES -> caller.subject() == null ? Criterion.none() : SUBJECT.isNot(caller.subject());
            case ANY_IN_TENANT -> Criterion.all();
            case HELD_AS_SUPERVISOR -> Criterion.none(); // a profile names no session's supervisor
        };
    }

    /** A profile not yet created, for the create check: who it would be for. */
    public static Practitioner proposed(String subject) {
        Practitioner p = new Practitioner();
        p.subject = subject;
        return p;
    }
}
