package org.praxis.session.domain.access;

import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.RiskConcern;

/** A concern for the client's safety: the engagement's practitioner raises it; referral-service takes it up. */
public final class RiskConcernPolicy extends Policy<RiskConcern, RiskConcernPolicy.Action, Relation> {
    public enum Action {
        VIEW,
        RAISE
    }

    public static final Field<RiskConcern, UUID> ENGAGEMENT = Field.of("engagementId", r -> r.engagementId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "risk-concern", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.RAISE, Roles.COACH, Relation.PRACTITIONER)
            .audit(Action.RAISE, "note-risk")
            .build();

    private final EngagementRelations relations;

    public RiskConcernPolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Risk concern");
        this.relations = relations;
    }

    @Override
    protected Criterion<RiskConcern> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case PRACTITIONER, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            default -> Criterion.none();
        };
    }
}
