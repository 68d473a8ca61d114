package org.praxis.intake.domain.access;

import java.util.UUID;
import org.praxis.intake.domain.Screening;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Scores and answers of an intake's screenings. The scores reach the intake's client, its assigned
 * coach and supervisors; the answers only its assigned coach and supervisors (every read audited).
 * A coach of an intake waiting for assignment reaches neither. Trajectories (scores over time, classified)
 * reach the practitioners only: client wording for them is separate work. Admins: only through the subject export.
 */
public final class ScreeningPolicy extends Policy<Screening, ScreeningPolicy.Action, ScreeningPolicy.Relation> {

    public enum Action {
        VIEW_SCORE,
        VIEW_ANSWERS,
        /** Scores over time with their classification (GET /v1/intakes/{id}/trajectories): practitioners only. */
        VIEW_TRAJECTORY
    }

    public enum Relation {
        /** The screening's intake is the caller's own. */
        OWN_INTAKE,
        /** The screening's intake is assigned to the caller. */
        ASSIGNED_INTAKE,
        /** The screening's intake is one the caller supervises ({@link IntakeRelations#supervised}). */
        SUPERVISED_INTAKE
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("screening", Action.class, Relation.class)
            .allow(Action.VIEW_SCORE, Roles.CLIENT, Relation.OWN_INTAKE)
            .allow(Action.VIEW_SCORE, Roles.COACH, Relation.ASSIGNED_INTAKE)
            .allow(Action.VIEW_SCORE, Roles.SUPERVISOR, Relation.SUPERVISED_INTAKE)
            .allow(Action.VIEW_ANSWERS, Roles.COACH, Relation.ASSIGNED_INTAKE)
            .allow(Action.VIEW_ANSWERS, Roles.SUPERVISOR, Relation.SUPERVISED_INTAKE)
            .audit(Action.VIEW_ANSWERS, "read-answers")
            .allow(Action.VIEW_TRAJECTORY, Roles.COACH, Relation.ASSIGNED_INTAKE)
            .allow(Action.VIEW_TRAJECTORY, Roles.SUPERVISOR, Relation.SUPERVISED_INTAKE)
            .audit(Action.VIEW_TRAJECTORY, "read (trajectory)")
            .build();

    public static final Field<Screening, UUID> INTAKE = Field.of("intakeId", s -> s.intakeId);

    private final IntakeRelations intakes;

    public ScreeningPolicy(IntakeRelations intakes) {
        super(RULES, Action.VIEW_SCORE, "Screening");
        this.intakes = intakes;
    }

    /**
     * A band or flag code is clinical: whoever may read the answers reads the codes; the intake's client
     * reads the tenant's wording instead.
     */
    public boolean canViewCodes(Caller caller, Screening s) {
        return can(caller, Action.VIEW_ANSWERS, s);
    }

    @Override
    protected Criterion<Screening> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN_INTAKE -> intakes.via(INTAKE, intakes.own(caller));
            case ASSIGNED_INTAKE -> intakes.via(INTAKE, intakes.assigned(caller));
            case SUPERVISED_INTAKE -> intakes.via(INTAKE, intakes.supervised(caller));
        };
    }
}
