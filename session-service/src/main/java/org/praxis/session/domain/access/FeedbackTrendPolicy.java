package org.praxis.session.domain.access;

import java.util.Set;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.FeedbackTrends;

/**
 * A practitioner's client-feedback trends (issue 22): the practitioner reads their own, a supervisor those of
 * the practitioners they supervise; anyone else is answered as if the practitioner were unknown (404).
 * Clients read only their own answers ({@link FeedbackPolicy}); sponsors and admins nothing. Reads are audited.
 */
public final class FeedbackTrendPolicy extends Policy<FeedbackTrends.Of, FeedbackTrendPolicy.Action, Relation> {
    public enum Action {
        VIEW
    }

    public static final Field<FeedbackTrends.Of, String> PRACTITIONER =
            Field.of("practitionerId", FeedbackTrends.Of::practitionerId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "feedback-trends", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.VIEW, "read-feedback-trends")
            .build();

    private final Set<String> supervisees;

    /** @param supervisees the practitioners the caller supervises */
    public FeedbackTrendPolicy(Set<String> supervisees) {
        super(RULES, Action.VIEW, "Practitioner");
        this.supervisees = Set.copyOf(supervisees);
    }

    @Override
    protected Criterion<FeedbackTrends.Of> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case PRACTITIONER -> PRACTITIONER.is(caller.subject());
            case SUPERVISED -> PRACTITIONER.in(supervisees);
            default -> Criterion.none();
        };
    }
}
