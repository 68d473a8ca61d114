package org.praxis.intake.domain.access;

import java.util.UUID;
import org.praxis.intake.domain.Assignment;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Instruments sent to a client to fill in: the client sees their own ({@code /v1/me/assignments}); as with
 * the intake, its assigned coach and the supervisors who reach the intake see those of its client ({@code /v1/assignments},
 * e.g. the overdue ones). Sending one is {@code intake:send-instrument}.
 */
public final class AssignmentPolicy extends Policy<Assignment, AssignmentPolicy.Action, AssignmentPolicy.Relation> {

    public enum Action {
        /** See an assignment (and list: {@code /v1/assignments}). */
        VIEW,
        /** List one's own ({@code /v1/me/assignments}): a client who also coaches finds only their own there. */
        VIEW_OWN
    }

    public enum Relation {
        /** Sent to the caller. */
        OWN,
        /** Sent for an intake assigned to the caller. */
        ASSIGNED_INTAKE,
        /** Sent for an intake the caller supervises ({@link IntakeRelations#supervised}). */
        SUPERVISED_INTAKE
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("assignment", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.VIEW, Roles.COACH, Relation.ASSIGNED_INTAKE)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED_INTAKE)
            .allow(Action.VIEW_OWN, Roles.CLIENT, Relation.OWN)
            .build();

    public static final Field<Assignment, String> CLIENT = Field.of("clientSubject", a -> a.clientSubject);
    public static final Field<Assignment, UUID> INTAKE = Field.of("intakeId", a -> a.intakeId);

    private final IntakeRelations intakes;

    public AssignmentPolicy(IntakeRelations intakes) {
        super(RULES, Action.VIEW, "Assignment");
        this.intakes = intakes;
    }

    /** The where clause of the caller's own list ({@code /v1/me/assignments}). */
    public String ownListFilter(Caller caller, java.util.Map<String, Object> params) {
        return filter(caller, Action.VIEW_OWN).jpql("e", params);
    }

    @Override
    protected Criterion<Assignment> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN -> CLIENT.is(caller.subject());
            case ASSIGNED_INTAKE -> intakes.via(INTAKE, intakes.assigned(caller));
            case SUPERVISED_INTAKE -> intakes.via(INTAKE, intakes.supervised(caller));
        };
    }
}
