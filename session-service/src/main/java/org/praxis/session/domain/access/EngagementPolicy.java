package org.praxis.session.domain.access;

import java.util.ArrayList;
import java.util.List;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Policy;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.Engagement;

/**
 * Who reaches an engagement: its client (read), its practitioner, and a supervisor only when they
 * supervise its practitioner. Opening one names people (hole 3 of issue 16): a coach opens an
 * engagement only with themselves as practitioner, a supervisor only for a practitioner they
 * supervise, and the client is never the practitioner. The open check runs on the engagement about
 * to be created, with the same relations as every other check. Coaching after therapy (issue 22)
 * is started by the referral's client (naming a coach), by a coach for themselves or by a supervisor
 * for a supervisee, from a completed therapy referral that a client sees only when it is theirs.
 */
public final class EngagementPolicy extends Policy<Engagement, EngagementPolicy.Action, Relation> {
    public enum Action {
        VIEW,
        LIST,
        LIST_OWN,
        OPEN,
        OPEN_AFTER_THERAPY,
        CHANGE_STATUS
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("engagement", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.LIST, Roles.CLIENT, Relation.OWN)
            .allow(Action.LIST, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.LIST, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.LIST_OWN, Roles.CLIENT, Relation.OWN)
            .allow(Action.OPEN, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.OPEN, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.OPEN_AFTER_THERAPY, Roles.CLIENT, Relation.OWN)
            .allow(Action.OPEN_AFTER_THERAPY, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.OPEN_AFTER_THERAPY, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.CHANGE_STATUS, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.CHANGE_STATUS, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.OPEN, "create")
            .audit(Action.OPEN_AFTER_THERAPY, "create-after-therapy")
            .audit(Action.CHANGE_STATUS, "move-to-{status}")
            .build();

    private final EngagementRelations relations;

    public EngagementPolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Engagement");
        this.relations = relations;
    }

    @Override
    protected Criterion<Engagement> relation(Relation relation, Caller caller) {
        return relations.of(relation, caller);
    }

    /** The practitioner of an engagement the caller opens without naming one: themselves. */
    public static String defaultPractitioner(Caller caller, String named) {
        return named != null ? named : caller.subject();
    }

    /**
     * What is wrong with the people a new engagement names, as field errors (empty: the caller may
     * open it). The engagement is not persisted yet.
     */
    public List<Violation> namingViolations(Caller caller, Engagement draft) {
        List<Violation> problems = new ArrayList<>();
        if (!can(caller, Action.OPEN, draft)) {
            problems.add(new Violation("practitionerId", "must be you (a coach), or a coach you supervise"));
        }
        if (draft.clientSubject != null && draft.clientSubject.equals(draft.practitionerId)) {
            problems.add(new Violation("clientSubject", "must not be the practitioner"));
        }
        return problems;
    }

    /**
     * Whether the caller may start coaching after a completed therapy referral (issue 22: "the client, or the
     * practitioner"): its client, the coach in charge of the work it came from, or that coach's supervisor. A
     * referral no coach followed (an intake decided therapy with no practitioner: the supervisors' queue) is
     * also any supervisor's. Another coach learns nothing of it.
     */
    public boolean canStartAfter(Caller caller, String clientSubject, String coachInCharge) {
        Engagement followed = new Engagement();
        followed.clientSubject = clientSubject;
        followed.practitionerId = coachInCharge;
        return can(caller, Action.OPEN_AFTER_THERAPY, followed)
                || (coachInCharge == null && caller.hasAnyRole(Roles.SUPERVISOR));
    }

    /** What is wrong with the people an engagement after therapy names (empty: the caller may start it). */
    public List<Violation> afterTherapyNamingViolations(Caller caller, Engagement draft) {
        List<Violation> problems = new ArrayList<>();
        if (!can(caller, Action.OPEN_AFTER_THERAPY, draft)) {
            problems.add(new Violation("practitionerId", "must be you (a coach), or a coach you supervise"));
        }
        if (draft.clientSubject.equals(draft.practitionerId)) {
            problems.add(new Violation("practitionerId", "must name a coach, not the client"));
        }
        return problems;
    }
}
