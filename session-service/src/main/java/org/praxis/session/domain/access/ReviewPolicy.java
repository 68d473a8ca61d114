package org.praxis.session.domain.access;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.Engagement;
import org.praxis.session.domain.Review;

/**
 * Reviews of an engagement. The practitioner (or their supervisor) records them. The client sees
 * every review of their own engagement but only what it marks as shared with them — kind, date,
 * goals met, follow-up and boosters offered, the shared summary — never the practitioner's own text
 * ({@link Action#READ_PRACTITIONER_TEXT}; issue 16, hole 5). At the end review the client gives
 * their own judgement of their goals ({@link Action#JUDGE_GOALS}), shown beside the practitioner's to
 * both; a sponsor reads no review.
 */
public final class ReviewPolicy extends Policy<Review, ReviewPolicy.Action, Relation> {
    public enum Action {
        VIEW,
        LIST,
        READ_PRACTITIONER_TEXT,
        RECORD,
        LIST_DUE,
        JUDGE_GOALS
    }

    public static final Field<Review, UUID> ENGAGEMENT = Field.of("engagementId", r -> r.engagementId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("review", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.LIST, Roles.CLIENT, Relation.OWN)
            .allow(Action.LIST, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.LIST, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.READ_PRACTITIONER_TEXT, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.READ_PRACTITIONER_TEXT, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.RECORD, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.RECORD, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.LIST_DUE, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.LIST_DUE, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.JUDGE_GOALS, Roles.CLIENT, Relation.OWN)
            .audit(Action.RECORD, "review-{kind}")
            .audit(Action.JUDGE_GOALS, "judge-goals")
            .build();

    private final EngagementRelations relations;

    public ReviewPolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Review");
        this.relations = relations;
    }

    @Override
    protected Criterion<Review> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN, PRACTITIONER, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            default -> Criterion.none();
        };
    }

    /** The engagements whose due reviews the caller lists (alias {@code e} is the engagement). */
    public Criterion<Engagement> dueFilter(Caller caller) {
        List<Criterion<Engagement>> parts = new ArrayList<>();
        for (Relation r : rules().relations(Action.LIST_DUE, caller)) {
            parts.add(relations.of(r, caller));
        }
        return Criterion.anyOf(parts);
    }
}
