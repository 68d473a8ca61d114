package org.praxis.session.domain.access;

import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.SessionCharge;

/**
 * What sessions cost under the contract: the client reads their own, the practitioner and their supervisor
 * read the engagement's. A sponsor does not: no disclosure term covers money (attendance, dates, counts,
 * summaries and aggregate outcomes are what a contract may disclose), and a fee says the client missed or
 * cancelled late, which only the attendance term discloses.
 */
public final class ChargePolicy extends Policy<SessionCharge, ChargePolicy.Action, Relation> {
    public enum Action {
        VIEW,
        LIST
    }

    public static final Field<SessionCharge, UUID> ENGAGEMENT = Field.of("engagementId", c -> c.engagementId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("charge", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.LIST, Roles.CLIENT, Relation.OWN)
            .allow(Action.LIST, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.LIST, Roles.SUPERVISOR, Relation.SUPERVISED)
            .build();

    private final EngagementRelations relations;

    public ChargePolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Charge");
        this.relations = relations;
    }

    @Override
    protected Criterion<SessionCharge> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN, PRACTITIONER, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            default -> Criterion.none();
        };
    }
}
