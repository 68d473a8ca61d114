package org.praxis.session.domain.access;

import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.MonitoringPlan;

/**
 * An engagement's monitoring plan: its practitioner edits it; their supervisor and the client read it
 * (a plan holds instrument codes, intervals and dates, never a score or band).
 */
public final class MonitoringPlanPolicy extends Policy<MonitoringPlan, MonitoringPlanPolicy.Action, Relation> {
    public enum Action {
        VIEW,
        EDIT
    }

    public static final Field<MonitoringPlan, UUID> ENGAGEMENT = Field.of("engagementId", p -> p.engagementId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "monitoring-plan", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.EDIT, Roles.COACH, Relation.PRACTITIONER)
            .audit(Action.EDIT, "replace")
            .build();

    private final EngagementRelations relations;

    public MonitoringPlanPolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Monitoring plan");
        this.relations = relations;
    }

    @Override
    protected Criterion<MonitoringPlan> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN, PRACTITIONER, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            default -> Criterion.none();
        };
    }
}
