package org.praxis.intake.domain.access;

import java.util.UUID;
import java.util.function.Function;
import org.praxis.intake.domain.Intake;
import org.praxis.intake.domain.RiskFlag;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Risk flags: every supervisor of the tenant reads, moves and lists every flag (the risk queue of
 * DESIGN.md, so no flag waits on one person); a coach only the flags of intakes assigned to them.
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
        ANY_IN_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("risk-flag", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.COACH, Relation.ASSIGNED_INTAKE)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
            .audit(Action.VIEW, "read, list")
            .allow(Action.MOVE, Roles.COACH, Relation.ASSIGNED_INTAKE)
            .allow(Action.MOVE, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
            .audit(Action.MOVE, "move-to-<status>")
            .build();

    public static final Field<RiskFlag, UUID> INTAKE = Field.of("intakeId", f -> f.intakeId);

    private final Function<UUID, Intake> intakes;

    /** @param intakes loads a flag's intake (same tenant) */
    public RiskFlagPolicy(Function<UUID, Intake> intakes) {
        super(RULES, Action.VIEW, "Risk flag");
        this.intakes = intakes;
    }

    @Override
    protected Criterion<RiskFlag> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case ASSIGNED_INTAKE ->
                Criterion.via(
                        INTAKE, "Intake", f -> intakes.apply(f.intakeId), IntakePolicy.COACH.is(caller.subject()));
            case ANY_IN_TENANT -> Criterion.all();
        };
    }
}
