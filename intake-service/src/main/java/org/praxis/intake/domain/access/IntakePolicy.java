package org.praxis.intake.domain.access;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.praxis.intake.domain.Intake;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Who reaches an intake, and what they may do with it.
 * <ul>
 * <li>A client reaches the intakes opened for them; a coach only the intakes assigned to them.</li>
 * <li>An intake no coach holds is every supervisor's of the tenant, to read and act on (DESIGN.md's
 * risk-queue exception): an open one waits in their triage queue; a decided one waits for the engagement
 * that gives it a coach (or, for therapy, in referral-service's queue, likewise every supervisor's). Once a
 * coach holds it, only that coach's supervisor reaches it (assessment-service's {@code
 * practitioner.supervisor-changed}, replicated here): reads, lists, reassignment and decisions alike.</li>
 * <li>Until an intake is assigned, coaches see at most its triage card (no names, concerns or answers),
 * and only where the tenant's triage policy lets coaches claim intakes ({@code coachesMayClaim}); a
 * claim assigns the intake to the claiming coach.</li>
 * <li>Admins configure; they open intakes (for a person) but reach clinical content only through the
 * recorded subject export ({@link org.praxis.platform.privacy.SubjectExportPolicy}).</li>
 * </ul>
 */
public final class IntakePolicy extends Policy<Intake, IntakePolicy.Action, IntakePolicy.Relation> {

    public enum Action {
        /** Read the intake with its presenting concerns (and list it). */
        VIEW,
        /** Open an intake: for whom and with which coach is part of the check. */
        OPEN,
        /** See the triage card of an intake waiting for assignment (GET /v1/intakes/triage-queue). */
        VIEW_TRIAGE_CARD,
        CLAIM,
        ASSIGN_COACH,
        SEND_INSTRUMENT,
        SUBMIT_SCREENING,
        VIEW_RECOMMENDATION,
        DECIDE,
        RAISE_RISK_FLAG,
        /** The client's own view of the recommendation and decided pathway, in words only (issue 22). */
        VIEW_OWN_PATHWAY,
        /** The client records their preference before the decision. */
        RECORD_PREFERENCE,
        /** Re-check suitability on a decided intake during an engagement (and list the re-checks). */
        RECHECK_SUITABILITY,
        VIEW_SUITABILITY_CHECKS
    }

    public enum Relation {
        /** The caller is the intake's client. */
        OWN,
        /** The caller is the intake's client and it has no coach yet (a client's own request). */
        OWN_UNASSIGNED,
        /** The caller is the intake's assigned coach. */
        ASSIGNED,
        /** Open and assigned to nobody: in the supervisors' triage queue. */
        WAITING,
        /** Waiting, and the tenant lets coaches claim intakes. */
        CLAIMABLE,
        /** Its coach is one the caller supervises, or it has none ({@link IntakeRelations#supervised}). */
        SUPERVISED,
        ANY_IN_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("intake", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.VIEW, Roles.COACH, Relation.ASSIGNED)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.VIEW, "read (single intake)")
            .allow(Action.OPEN, Roles.CLIENT, Relation.OWN_UNASSIGNED)
            .allow(Action.OPEN, Roles.COACH, Relation.ASSIGNED)
            .allow(Action.OPEN, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
            .allow(Action.OPEN, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.OPEN, "create")
            .allow(Action.VIEW_TRIAGE_CARD, Roles.COACH, Relation.CLAIMABLE)
            .allow(Action.VIEW_TRIAGE_CARD, Roles.SUPERVISOR, Relation.WAITING)
            .allow(Action.CLAIM, Roles.COACH, Relation.CLAIMABLE)
            .audit(Action.CLAIM, "claim")
            .allow(Action.ASSIGN_COACH, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.ASSIGN_COACH, "assign-coach")
            .allow(Action.SEND_INSTRUMENT, Roles.COACH, Relation.ASSIGNED)
            .allow(Action.SEND_INSTRUMENT, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.SEND_INSTRUMENT, "create (assignment)")
            .allow(Action.SUBMIT_SCREENING, Roles.CLIENT, Relation.OWN)
            .allow(Action.SUBMIT_SCREENING, Roles.COACH, Relation.ASSIGNED)
            .allow(Action.SUBMIT_SCREENING, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.SUBMIT_SCREENING, "create (screening), raise (risk flag)")
            .allow(Action.VIEW_RECOMMENDATION, Roles.COACH, Relation.ASSIGNED)
            .allow(Action.VIEW_RECOMMENDATION, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.VIEW_RECOMMENDATION, "read-scores")
            .allow(Action.DECIDE, Roles.COACH, Relation.ASSIGNED)
            .allow(Action.DECIDE, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.DECIDE, "decide")
            .allow(Action.RAISE_RISK_FLAG, Roles.COACH, Relation.ASSIGNED)
            .allow(Action.RAISE_RISK_FLAG, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.RAISE_RISK_FLAG, "raise")
            .allow(Action.VIEW_OWN_PATHWAY, Roles.CLIENT, Relation.OWN)
            .allow(Action.RECORD_PREFERENCE, Roles.CLIENT, Relation.OWN)
            .audit(Action.RECORD_PREFERENCE, "record-preference")
            .allow(Action.RECHECK_SUITABILITY, Roles.COACH, Relation.ASSIGNED)
            .allow(Action.RECHECK_SUITABILITY, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.RECHECK_SUITABILITY, "recheck-suitability")
            .allow(Action.VIEW_SUITABILITY_CHECKS, Roles.COACH, Relation.ASSIGNED)
            .allow(Action.VIEW_SUITABILITY_CHECKS, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.VIEW_SUITABILITY_CHECKS, "list (suitability-check)")
            .build();

    public static final Field<Intake, String> CLIENT = Field.of("clientSubject", i -> i.clientSubject);
    public static final Field<Intake, String> COACH = Field.of("assignedCoach", i -> i.assignedCoach);
    public static final Field<Intake, String> STATUS = Field.of("status", i -> i.status);

    private final BooleanSupplier coachesMayClaim;
    private final IntakeRelations relations;
    private Boolean claimable;

    /** @param coachesMayClaim the tenant triage policy's setting */
    public IntakePolicy(boolean coachesMayClaim, IntakeRelations relations) {
        this(() -> coachesMayClaim, relations);
    }

    /**
     * @param coachesMayClaim reads the tenant triage policy's setting, once, and only when a caller's
     *     rules reach {@link Relation#CLAIMABLE}: a client's or supervisor's request does not read it.
     */
    public IntakePolicy(BooleanSupplier coachesMayClaim, IntakeRelations relations) {
        super(RULES, Action.VIEW, "Intake");
        this.coachesMayClaim = coachesMayClaim;
        this.relations = relations;
    }

    private boolean coachesMayClaim() {
        if (claimable == null) {
            claimable = coachesMayClaim.getAsBoolean();
        }
        return claimable;
    }

    @Override
    protected Criterion<Intake> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN -> relations.own(caller);
            case OWN_UNASSIGNED -> relations.own(caller).and(COACH.isNull());
            case ASSIGNED -> relations.assigned(caller);
            case WAITING -> waiting();
            case CLAIMABLE -> coachesMayClaim() ? waiting() : Criterion.none();
            case SUPERVISED -> relations.supervised(caller);
            case ANY_IN_TENANT -> Criterion.all();
        };
    }

    /** Open and assigned to nobody. */
    public static Criterion<Intake> waiting() {
        return COACH.isNull().and(STATUS.is(Intake.OPEN));
    }

    /** The where clause of the triage queue the caller sees, for {@code select e from Intake e}. */
    public String triageQueueFilter(Caller caller, java.util.Map<String, Object> params) {
        return filter(caller, Action.VIEW_TRIAGE_CARD).jpql("e", params);
    }

    /**
     * For actions on an intake the caller may know by its triage card only (claim, assign): 404 when
     * they see neither the intake nor its card, 403 when they see it but may not act.
     */
    public Intake requireReachable(Caller caller, Action action, Intake intake, Object id) {
        if (!canView(caller, intake) && !can(caller, Action.VIEW_TRIAGE_CARD, intake)) {
            throw ProblemException.notFound("Intake " + id);
        }
        if (!can(caller, action, intake)) {
            throw ProblemException.forbidden(
                    "You may not " + AccessRules.label(action).replace('-', ' ') + " this intake.");
        }
        return intake;
    }

    /**
     * Fills in who a new intake is for and with, when the request leaves it open: a client's own request
     * is for themselves; an intake a coach opens is assigned to that coach. Supervisors and admins leave
     * an unnamed coach open (the intake waits in the triage queue).
     */
    public static void fillIn(Caller caller, Intake draft) {
        boolean practitionerOrAdmin = caller.hasAnyRole(Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN);
        if (draft.clientSubject == null && caller.hasRole(Roles.CLIENT) && !practitionerOrAdmin) {
            draft.clientSubject = caller.subject();
        }
        if (draft.assignedCoach == null
                && caller.hasRole(Roles.COACH)
                && !caller.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)) {
            draft.assignedCoach = caller.subject();
        }
    }

    /**
     * A new intake names a client and a coach: a client opens one only for themselves and without
     * choosing a coach, a coach only for themselves; supervisors and admins name anyone. 422 naming
     * the field that may not be named.
     */
    public void requireOpen(Caller caller, Intake draft) {
        if (can(caller, Action.OPEN, draft)) {
            return;
        }
        Intake asOwn = new Intake();
        asOwn.clientSubject = caller.subject();
        asOwn.assignedCoach = draft.assignedCoach;
        String field = can(caller, Action.OPEN, asOwn) ? "clientSubject" : "assignedCoach";
        throw ProblemException.unprocessable(
                "You may not open an intake naming this " + field,
                List.of(new Violation(field, "must be your own subject or empty")));
    }
}
