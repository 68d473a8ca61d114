package org.praxis.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.praxis.intake.events.IntakeEvents;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.Problem;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.security.Roles;
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

    public record NewIntake(String clientSubject, String displayName, String presentingConcerns,
                            String hopedForOutcomes, String sponsorOrganisation, String assignedCoach) {
    }

    @Transactional
    public Intake open(NewIntake request) {
        Caller caller = callerContext.caller();
        Intake intake = new Intake();
        intake.id = UUID.randomUUID();
        intake.tenantId = caller.tenantId();
        intake.clientSubject = request.clientSubject();
        intake.assignedCoach = request.assignedCoach();
        if (caller.hasRole(Roles.CLIENT) && !caller.hasAnyRole(Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN)) {
            // A client opens an intake for themselves only, and does not choose their coach.
            if (request.clientSubject() != null && !request.clientSubject().equals(caller.subject())) {
                throw ProblemException.unprocessable("A client can open an intake only for themselves",
                        List.of(new Problem.FieldError("clientSubject", "must be your own subject or empty")));
            }
            intake.clientSubject = caller.subject();
            intake.assignedCoach = null;
        } else if (caller.hasRole(Roles.COACH) && !caller.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)
                && intake.assignedCoach == null) {
            intake.assignedCoach = caller.subject();
        }
        intake.displayName = request.displayName();
        intake.presentingConcerns = request.presentingConcerns();
        intake.hopedForOutcomes = request.hopedForOutcomes();
        intake.sponsorOrganisation = request.sponsorOrganisation();
        intake.status = Intake.OPEN;
        intake.createdBy = caller.subject();
        intake.createdAt = Instant.now();
        em.persist(intake);
        em.flush();
        outbox.publish(IntakeEvents.OPENED, intake.id, new IntakeEvents.Opened(intake.id, intake.clientSubject,
                intake.assignedCoach, intake.sponsorOrganisation));
        audit.record("create", "intake", intake.id, null);
        return intake;
    }

    /** The intake if the caller may see it; otherwise 404, as if it did not exist. */
    public Intake readable(UUID id) {
        Intake intake = tenant.get(Intake.class, id, "Intake");
        if (!IntakeAccess.canRead(callerContext.caller(), intake)) {
            throw ProblemException.notFound("Intake " + id);
        }
        return intake;
    }

    /** For operations only practitioners do: 404 to whoever cannot see it, 403 to a reader who may not act. */
    public Intake practisable(UUID id) {
        Intake intake = readable(id);
        if (!IntakeAccess.canPractise(callerContext.caller(), intake)) {
            throw ProblemException.forbidden("Only the intake's coach or a supervisor may do this.");
        }
        return intake;
    }

    /** Reading the presenting concerns is reading personal health information: audited. */
    @Transactional
    public Intake readWithDetails(UUID id) {
        Intake intake = readable(id);
        audit.record("read", "intake", id, null);
        return intake;
    }

    public List<Intake> list(PageRequest page, String status, String assignedCoach) {
        Caller caller = callerContext.caller();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!caller.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)) {
            if (caller.hasRole(Roles.COACH)) {
                where.add("(e.assignedCoach = :me or e.assignedCoach is null)");
            } else {
                where.add("e.clientSubject = :me");
            }
            params.put("me", caller.subject());
        }
        if (status != null) {
            where.add("e.status = :status");
            params.put("status", status);
        }
        if (assignedCoach != null) {
            where.add("e.assignedCoach = :coach");
            params.put("coach", assignedCoach);
        }
        return tenant.page(Intake.class, where, params, page, "e.createdAt");
    }

    @Transactional
    public Assignment assign(UUID intakeId, String instrumentCode, LocalDate dueDate) {
        Intake intake = practisable(intakeId);
        if (intake.clientSubject == null) {
            throw ProblemException.unprocessable("The intake's person has no account to send an instrument to",
                    List.of(new Problem.FieldError("clientSubject", "the intake has none")));
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

    public List<Assignment> myOpenAssignments() {
        return tenant.select(Assignment.class, "e.clientSubject = :me and e.status = :open", "e.dueDate asc, e.createdAt asc",
                Map.of("me", callerContext.subject(), "open", Assignment.OPEN)).setMaxResults(200).getResultList();
    }
}
