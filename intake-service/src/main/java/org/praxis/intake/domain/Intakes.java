package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.intake.domain.access.IntakePolicy;
import org.praxis.intake.domain.access.Policies;
import org.praxis.intake.domain.events.IntakeEvents;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/** Opening intakes, finding them for the caller, and sending instruments to the client. */
@ApplicationScoped
public class Intakes {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    @Inject
    Instruments instruments;

    @Inject
    Policies policies;

    public record NewIntake(
            String clientSubject,
            String displayName,
            String presentingConcerns,
            String hopedForOutcomes,
            String sponsorOrganisation,
            String assignedCoach) {}

    @Transactional
    public Intake open(NewIntake request) {
        Caller caller = callerContext.caller();
        IntakePolicy policy = policies.intake();
        Intake intake = new Intake();
        intake.id = UUID.randomUUID();
        intake.tenantId = caller.tenantId();
        intake.clientSubject = request.clientSubject();
        intake.assignedCoach = request.assignedCoach();
        IntakePolicy.fillIn(caller, intake);
        intake.status = Intake.OPEN;
        policy.requireOpen(caller, intake);
        intake.displayName(request.displayName());
        intake.presentingConcerns(request.presentingConcerns());
        intake.hopedForOutcomes(request.hopedForOutcomes());
        intake.sponsorOrganisation = request.sponsorOrganisation();
        intake.createdBy = caller.subject();
        intake.createdAt = Instant.now();
        em.persist(intake);
        em.flush();
        outbox.publish(new IntakeEvents.Opened(
                intake.id, intake.clientSubject, intake.assignedCoach, intake.sponsorOrganisation));
        audit.record("create", "intake", intake.id, null);
        return intake;
    }

    /** The intake if the caller may see it; otherwise 404, as if it did not exist. */
    public Intake readable(UUID id) {
        return policies.intake().requireView(callerContext.caller(), tenant.get(Intake.class, id, "Intake"), id);
    }

    /** The intake for {@code action}: 404 to whoever cannot see it, 403 to a reader who may not act. */
    public Intake require(UUID id, IntakePolicy.Action action) {
        return policies.intake().require(callerContext.caller(), action, tenant.get(Intake.class, id, "Intake"), id);
    }

    /** Reading the presenting concerns is reading personal health information: audited. */
    @Transactional
    public Intake readWithDetails(UUID id) {
        Intake intake = readable(id);
        audit.record("read", "intake", id, null);
        return intake;
    }

    public Page<Intake> list(PageRequest page, String status, String assignedCoach) {
        Caller caller = callerContext.caller();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("(" + policies.intake().listFilter(caller, params) + ")");
        if (status != null) {
            where.add("e.status = :status");
            params.put("status", status);
        }
        if (assignedCoach != null) {
            where.add("e.assignedCoach = :coach");
            params.put("coach", assignedCoach);
        }
        return tenant.pageNewestFirst(Intake.class, where, params, page, "e.createdAt");
    }

    /** Intakes waiting for assignment whose triage card the caller may see, newest first. */
    public Page<Intake> triageQueue(PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("(" + policies.intake().triageQueueFilter(callerContext.caller(), params) + ")");
        return tenant.pageNewestFirst(Intake.class, where, params, page, "e.createdAt");
    }

    /** A supervisor assigns (or reassigns) the intake's coach: recorded on the intake and audited. */
    @Transactional
    public Intake assignCoach(UUID id, String coach, String ifMatch) {
        Caller caller = callerContext.caller();
        Intake intake = policies.intake()
                .requireReachable(caller, IntakePolicy.Action.ASSIGN_COACH, tenant.get(Intake.class, id, "Intake"), id);
        ETags.requireMatchIfPresent(ifMatch, intake.version);
        return setCoach(intake, coach, "assign-coach");
    }

    /** A coach claims a waiting intake where the tenant allows it: the intake becomes theirs; audited. */
    @Transactional
    public Intake claim(UUID id) {
        Caller caller = callerContext.caller();
        Intake intake = policies.intake()
                .requireReachable(caller, IntakePolicy.Action.CLAIM, tenant.get(Intake.class, id, "Intake"), id);
        return setCoach(intake, caller.subject(), "claim");
    }

    /**
     * session-service handed the engagement drafted from this intake to another coach: the intake (and the
     * client's trajectories with it) follows when its coach was the one who handed over, or when it has none (its
     * coach was erased). Applying it again changes nothing: the intake's coach is {@code to} by then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean followHandover(UUID intakeId, String from, String to) {
        Intake intake = tenant.find(Intake.class, intakeId).orElse(null);
        if (intake == null
                || !(from.equals(intake.assignedCoach)
                        || intake.assignedCoach == null && !Intake.OPEN.equals(intake.status))) {
            return false;
        }
        setCoach(intake, to, "follow-handover");
        return true;
    }

    /**
     * An engagement going on from this intake became active: the intake (the client's screenings and
     * trajectories with it) follows its practitioner, as after a handover. Coaching after therapy may be with
     * another coach than the one who referred. Only an engagement of the intake's own client moves it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean followEngagement(UUID intakeId, String clientSubject, String practitioner) {
        Intake intake = tenant.find(Intake.class, intakeId).orElse(null);
        if (intake == null
                || !clientSubject.equals(intake.clientSubject)
                || practitioner.equals(intake.assignedCoach)) {
            return false;
        }
        setCoach(intake, practitioner, "follow-engagement");
        return true;
    }

    private Intake setCoach(Intake intake, String coach, String action) {
        String previous = intake.assignedCoach;
        intake.assignedCoach = coach;
        intake.assignedBy = callerContext.subject();
        intake.assignedAt = Instant.now();
        em.flush();
        audit.record(action, "intake", intake.id, previous == null ? null : "reassigned");
        announceChange(intake, previous, action);
        return intake;
    }

    /** referral-service moves the intake's drafts to the new coach: one event per change, none for the same coach. */
    private void announceChange(Intake intake, String previous, String action) {
        if (!intake.assignedCoach.equals(previous)) {
            outbox.publish(new IntakeEvents.CoachAssigned(
                    intake.id, intake.clientSubject, previous, intake.assignedCoach, action, intake.assignedAt));
        }
    }

    @Transactional
    public Assignment assign(UUID intakeId, String instrumentCode, LocalDate dueDate) {
        Intake intake = require(intakeId, IntakePolicy.Action.SEND_INSTRUMENT);
        if (intake.clientSubject == null) {
            throw ProblemException.unprocessable(
                    "The intake's person has no account to send an instrument to",
                    List.of(new Violation("clientSubject", "the intake has none")));
        }
        instruments.require(instrumentCode);
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.tenantId = intake.tenantId;
        a.intakeId = intake.id;
        a.clientSubject = intake.clientSubject;
        a.instrumentCode = instrumentCode;
        a.dueDate = dueDate;
        a.status = Assignment.OPEN;
        a.createdBy = callerContext.subject();
        a.createdAt = Instant.now();
        em.persist(a);
        audit.record("create", "assignment", a.id, null);
        return a;
    }

    /** One page of the caller's open assignments (the assignment policy's list filter), soonest due first, undated last. */
    public Page<Assignment> myOpenAssignments(PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(
                List.of(policies.assignment().ownListFilter(callerContext.caller(), params), "e.status = :open"));
        params.put("open", Assignment.OPEN);
        return tenant.pageSoonestFirst(Assignment.class, where, params, page, "e.dueDate");
    }
}
