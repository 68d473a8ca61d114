package org.praxis.session.domain.access;

import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.ScoreTrajectory;

/**
 * What changed in an engagement (issue 21): its scores from baseline to the latest, goal ratings and session
 * scaling. The client, the practitioner and their supervisor read it; only the practitioner's side reads the
 * clinical codes (band and classification): the client's wording is the tenant's, never a code. Every read is
 * audited, since it shows scores.
 */
public final class OutcomePolicy extends Policy<ScoreTrajectory, OutcomePolicy.Action, Relation> {
    public enum Action {
        VIEW,
        READ_CODES
    }

    public static final Field<ScoreTrajectory, UUID> ENGAGEMENT = Field.of("engagementId", t -> t.engagementId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("outcome", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.READ_CODES, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.READ_CODES, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.VIEW, "read-outcome")
            .build();

    private final EngagementRelations relations;

    public OutcomePolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Engagement");
        this.relations = relations;
    }

    @Override
    protected Criterion<ScoreTrajectory> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN, PRACTITIONER, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            default -> Criterion.none();
        };
    }
}
