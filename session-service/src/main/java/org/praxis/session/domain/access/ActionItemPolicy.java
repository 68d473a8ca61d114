package org.praxis.session.domain.access;

import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.ActionItem;

/** Homework between sessions: on the client's own list; the client and the practitioner tick it off. */
public final class ActionItemPolicy extends Policy<ActionItem, ActionItemPolicy.Action, Relation> {
    public enum Action {
        VIEW,
        LIST,
        LIST_OWN,
        ADD,
        MARK_DONE
    }

    public static final Field<ActionItem, UUID> ENGAGEMENT = Field.of("engagementId", a -> a.engagementId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "action-item", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.LIST, Roles.CLIENT, Relation.OWN)
            .allow(Action.LIST, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.LIST, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.LIST_OWN, Roles.CLIENT, Relation.OWN)
            .allow(Action.ADD, Roles.CLIENT, Relation.OWN)
            .allow(Action.ADD, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.ADD, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.MARK_DONE, Roles.CLIENT, Relation.OWN)
            .allow(Action.MARK_DONE, Roles.COACH, Relation.PRACTITIONER)
            .audit(Action.ADD, "create")
            .audit(Action.MARK_DONE, "mark-done or mark-not-done")
            .build();

    private final EngagementRelations relations;

    public ActionItemPolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Action");
        this.relations = relations;
    }

    @Override
    protected Criterion<ActionItem> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN, PRACTITIONER, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            default -> Criterion.none();
        };
    }
}
