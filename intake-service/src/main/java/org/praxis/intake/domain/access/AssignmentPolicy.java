package org.praxis.intake.domain.access;

import org.praxis.intake.domain.Assignment;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Instruments sent to a client to fill in: the client sees their own ({@code /v1/me/assignments}).
 * Sending one is {@code intake:send-instrument}.
 */
public final class AssignmentPolicy extends Policy<Assignment, AssignmentPolicy.Action, AssignmentPolicy.Relation> {

    public enum Action {
        VIEW
    }

    public enum Relation {
        /** Sent to the caller. */
        OWN
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("assignment", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .build();

    public static final Field<Assignment, String> CLIENT = Field.of("clientSubject", a -> a.clientSubject);

    public AssignmentPolicy() {
        super(RULES, Action.VIEW, "Assignment");
    }

    @Override
    protected Criterion<Assignment> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN -> CLIENT.is(caller.subject());
        };
    }
}
