package org.praxis.intake.domain.access;

import java.util.UUID;
import org.praxis.intake.domain.RiskFlag;
import org.praxis.intake.domain.RiskFlagLifecycle;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Risk flags: every supervisor of the tenant reads, moves and lists every flag not closed yet (the risk
 * queue of DESIGN.md, so no flag waits on one person), and the closed ones of the intakes they supervise;
 * a coach only the flags of intakes assigned to them.
 * Reading one flag, listing and moving come from this one table, so a coach can no longer act on a
 * flag the queue never shows them. Raising by hand is {@code intake:raise-risk-flag}.
 */
public final class RiskFlagPolicy extends Policy<RiskFlag, RiskFlagPolicy.Action, RiskFlagPolicy.Relation> {

    public enum Action {
        VIEW,
        MOVE
    }

    public enum Relation {
        /** The flag's intake is assigned to the caller. */
        ASSIGNED_INTAKE,
        /** The flag's intake is one the caller supervises ({@link IntakeRelations#supervised}). */
        SUPERVISED_INTAKE,
        /**
         * Not closed yet: the risk queue, every supervisor's so that no flag waits on one person. Raised, and also
         * acknowledged or actioned: whoever took a flag up sees it through to closed, even for another supervisor's
         * coach.
         */
        OPEN
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("risk-flag", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.COACH, Relation.ASSIGNED_INTAKE)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED_INTAKE)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.OPEN)
            .audit(Action.VIEW, "read, list")
            .allow(Action.MOVE, Roles.COACH, Relation.ASSIGNED_INTAKE)
            .allow(Action.MOVE, Roles.SUPERVISOR, Relation.SUPERVISED_INTAKE)
            .allow(Action.MOVE, Roles.SUPERVISOR, Relation.OPEN)
            .audit(Action.MOVE, "move-to-<status>")
            .build();

    public static final Field<RiskFlag, UUID> INTAKE = Field.of("intakeId", f -> f.intakeId);

    public static final Field<RiskFlag, String> STATUS = Field.of("status", f -> f.status);

    private final IntakeRelations intakes;

    public RiskFlagPolicy(IntakeRelations intakes) {
        super(RULES, Action.VIEW, "Risk flag");
        this.intakes = intakes;
    }

    @Override
    protected Criterion<RiskFlag> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case ASSIGNED_INTAKE -> intakes.via(INTAKE, intakes.assigned(caller));
            case SUPERVISED_INTAKE -> intakes.via(INTAKE, intakes.supervised(caller));
            case OPEN -> STATUS.isNot(RiskFlagLifecycle.CLOSED);
        };
    }
}
