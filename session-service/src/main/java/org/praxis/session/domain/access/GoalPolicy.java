package org.praxis.session.domain.access;

import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.Goal;

/**
 * Goals are agreed with the client: client and practitioners record them; only the client rates progress; the
 * client and the practitioner mark milestones reached.
 */
public final class GoalPolicy extends Policy<Goal, GoalPolicy.Action, Relation> {
    public enum Action {
        VIEW,
        LIST,
        ADD,
        RATE_PROGRESS,
        /** Mark one of the goal's milestones reached (or not): the client and the practitioner, as with action items. */
        MARK_MILESTONE
    }

    public static final Field<Goal, UUID> ENGAGEMENT = Field.of("engagementId", g -> g.engagementId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("goal", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.LIST, Roles.CLIENT, Relation.OWN)
            .allow(Action.LIST, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.LIST, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.ADD, Roles.CLIENT, Relation.OWN)
            .allow(Action.ADD, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.ADD, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.RATE_PROGRESS, Roles.CLIENT, Relation.OWN)
            .allow(Action.MARK_MILESTONE, Roles.CLIENT, Relation.OWN)
            .allow(Action.MARK_MILESTONE, Roles.COACH, Relation.PRACTITIONER)
            .audit(Action.ADD, "create")
            .audit(Action.RATE_PROGRESS, "rate-progress")
            .audit(Action.MARK_MILESTONE, "mark-milestone-reached or mark-milestone-not-reached")
            .build();

    private final EngagementRelations relations;

    public GoalPolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Goal");
        this.relations = relations;
    }

    @Override
    protected Criterion<Goal> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN, PRACTITIONER, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            default -> Criterion.none();
        };
    }
}
