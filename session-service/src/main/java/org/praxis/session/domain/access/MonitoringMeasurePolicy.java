package org.praxis.session.domain.access;

import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.MonitoringMeasure;

/**
 * The monitoring measures of engagements, for following up those not done: the practitioner's own
 * engagements, a supervisor's supervisees'. The client is asked for a measure through intake-service's
 * assignments, not here.
 */
public final class MonitoringMeasurePolicy extends Policy<MonitoringMeasure, MonitoringMeasurePolicy.Action, Relation> {
    public enum Action {
        VIEW,
        LIST
    }

    public static final Field<MonitoringMeasure, UUID> ENGAGEMENT = Field.of("engagementId", m -> m.engagementId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "monitoring-measure", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.LIST, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.LIST, Roles.SUPERVISOR, Relation.SUPERVISED)
            .build();

    private final EngagementRelations relations;

    public MonitoringMeasurePolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Monitoring measure");
        this.relations = relations;
    }

    @Override
    protected Criterion<MonitoringMeasure> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case PRACTITIONER, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            default -> Criterion.none();
        };
    }
}
