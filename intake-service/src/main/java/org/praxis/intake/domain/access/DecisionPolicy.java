package org.praxis.intake.domain.access;

import java.util.UUID;
import org.praxis.intake.domain.Decision;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * The pathway decision and the practitioner it names. Deciding at all is {@code intake:decide} (the
 * intake's assigned coach, the supervisors who reach the intake); this policy checks whom the decision
 * names: a coach names only themselves (or nobody); a supervisor any practitioner of the tenant, as when
 * assigning a coach (allocating work is a supervisor's, and hands the client to that practitioner and their
 * supervisor); assessment's eligibility still gates integrated work. A client never decides. Reading a
 * decision follows its intake.
 */
public final class DecisionPolicy extends Policy<Decision, DecisionPolicy.Action, DecisionPolicy.Relation> {

    public enum Action {
        VIEW,
        /** Record a decision naming {@code practitionerId}. */
        RECORD
    }

    public enum Relation {
        /** The decision names the caller, or no practitioner. */
        NAMES_SELF,
        /** The decision's intake is assigned to the caller. */
        ASSIGNED_INTAKE,
        /** The decision's intake is one the caller supervises ({@link IntakeRelations#supervised}). */
        SUPERVISED_INTAKE,
        ANY_IN_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("decision", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.COACH, Relation.ASSIGNED_INTAKE)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED_INTAKE)
            .allow(Action.RECORD, Roles.COACH, Relation.NAMES_SELF)
            .allow(Action.RECORD, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
            .audit(Action.RECORD, "decide (on the intake)")
            .build();

    public static final Field<Decision, String> PRACTITIONER = Field.of("practitionerId", d -> d.practitionerId);
    public static final Field<Decision, UUID> INTAKE = Field.of("intakeId", d -> d.intakeId);

    private final IntakeRelations intakes;

    public DecisionPolicy(IntakeRelations intakes) {
        super(RULES, Action.VIEW, "Decision");
        this.intakes = intakes;
    }

    @Override
    protected Criterion<Decision> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case NAMES_SELF -> PRACTITIONER.is(caller.subject()).or(PRACTITIONER.isNull());
            case ASSIGNED_INTAKE -> intakes.via(INTAKE, intakes.assigned(caller));
            case SUPERVISED_INTAKE -> intakes.via(INTAKE, intakes.supervised(caller));
            case ANY_IN_TENANT -> Criterion.all();
        };
    }

    /** 403 when the caller may not name the draft decision's practitioner. */
    public void requireRecord(Caller caller, Decision draft) {
        if (!can(caller, Action.RECORD, draft)) {
            throw org.praxis.platform.problem.ProblemException.forbidden(
                    "A coach may name only themselves as the practitioner; a supervisor may name any practitioner.");
        }
    }
}
