package org.praxis.session.domain.access;

import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.CoachingSession;

/**
 * The client's feedback on the coach, by the session it is about (issue 22). Only the engagement's client
 * gives it, reads their answer and lists the forms still open to them; the practitioner and their
 * supervisor never read an answer, only trends ({@link FeedbackTrendPolicy}), and a sponsor or admin
 * nothing: the answers are the client's word about their coach.
 */
public final class FeedbackPolicy extends Policy<CoachingSession, FeedbackPolicy.Action, Relation> {
    public enum Action {
        VIEW,
        GIVE,
        LIST_OPEN_FORMS
    }

    public static final Field<CoachingSession, UUID> ENGAGEMENT = Field.of("engagementId", s -> s.engagementId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "session-feedback", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.GIVE, Roles.CLIENT, Relation.OWN)
            .allow(Action.LIST_OPEN_FORMS, Roles.CLIENT, Relation.OWN)
            .audit(Action.GIVE, "give-feedback")
            .build();

    private final EngagementRelations relations;

    public FeedbackPolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Session");
        this.relations = relations;
    }

    @Override
    protected Criterion<CoachingSession> relation(Relation relation, Caller caller) {
        return relation == Relation.OWN ? relations.via(ENGAGEMENT, relation, caller) : Criterion.none();
    }
}
