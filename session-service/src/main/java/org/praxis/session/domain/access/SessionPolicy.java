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
 * Sessions of an engagement. The practitioner (and their supervisor) schedule and record them; the
 * client lists their own sessions — dates, mode and status, never notes (notes are their own
 * aggregate) — and may cancel one (issue 16, hole 5: the client lists their own sessions).
 */
public final class SessionPolicy extends Policy<CoachingSession, SessionPolicy.Action, Relation> {
    public enum Action {
        VIEW,
        LIST,
        SCHEDULE,
        RESCHEDULE,
        CANCEL,
        RECORD_OUTCOME
    }

    public static final Field<CoachingSession, UUID> ENGAGEMENT = Field.of("engagementId", s -> s.engagementId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("session", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.LIST, Roles.CLIENT, Relation.OWN)
            .allow(Action.LIST, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.LIST, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.SCHEDULE, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.SCHEDULE, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.RESCHEDULE, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.RESCHEDULE, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.CANCEL, Roles.CLIENT, Relation.OWN)
            .allow(Action.CANCEL, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.CANCEL, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.RECORD_OUTCOME, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.RECORD_OUTCOME, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.SCHEDULE, "schedule")
            .audit(Action.RESCHEDULE, "reschedule")
            .audit(Action.CANCEL, "cancel")
            .audit(Action.RECORD_OUTCOME, "record-held or record-no-show")
            .build();

    private final EngagementRelations relations;

    public SessionPolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Session");
        this.relations = relations;
    }

    @Override
    protected Criterion<CoachingSession> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN, PRACTITIONER, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            default -> Criterion.none();
        };
    }

    /** Who a cancellation counts against: the client when the caller is the engagement's client. */
    public String cancelledAs(Caller caller, CoachingSession s) {
        return relation(Relation.OWN, caller).test(s) && caller.hasRole(Roles.CLIENT)
                ? CoachingSession.BY_CLIENT
                : CoachingSession.BY_PRACTITIONER;
    }
}
