package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.intake.domain.access.Policies;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/**
 * Assignments that session-service's monitoring measures ask for (one per measure, due when the measure is),
 * and the practitioners' list of assignments, where overdue measures show.
 */
@ApplicationScoped
public class MonitoringAssignments {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    Instruments instruments;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    /** What a monitoring measure that fell due asks of intake-service. */
    public record MeasureDue(
            UUID measureId,
            UUID engagementId,
            UUID intakeId,
            String clientSubject,
            String instrument,
            LocalDate dueOn) {}

    /**
     * The measure's assignment, created the first time the measure falls due; a measure seen again (redelivered,
     * or published again) changes nothing. {@link UnprocessableEvent} when the intake is not this tenant's, is not
     * the named client's, or the instrument is unknown: such an event can never be applied.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Assignment assign(MeasureDue due) {
        Assignment existing = tenant.select(
                        Assignment.class, "e.measureId = :measure", null, Map.of("measure", due.measureId()))
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (existing != null) {
            return existing;
        }
        return create(intakeOf(due), due);
    }

    /** The intake the measure names, if it is this tenant's and the named client's. */
    private Intake intakeOf(MeasureDue due) {
        Intake intake = tenant.find(Intake.class, due.intakeId())
                .orElseThrow(() -> new UnprocessableEvent("monitoring.due names intake " + due.intakeId()
                        + ", which tenant " + callerContext.tenantId() + " does not have"));
        if (intake.clientSubject == null || !intake.clientSubject.equals(due.clientSubject())) {
            throw new UnprocessableEvent("monitoring.due names a client who is not intake " + intake.id + "'s client");
        }
        if (instruments.find(due.instrument(), null).isEmpty()) {
            throw new UnprocessableEvent("monitoring.due names instrument " + due.instrument() + ", unknown here");
        }
        return intake;
    }

    /**
     * The engagement closed (session-service's engagement.status-changed): the open assignments of its measures
     * are withdrawn, so its client is no longer asked for them. Read again, the event finds none open. Its
     * monitoring.due events come before it on the same key, so none is assigned after it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(UUID engagementId) {
        List<Assignment> open = tenant.select(
                        Assignment.class,
                        "e.engagementId = :engagement and e.status = :open",
                        null,
                        Map.of("engagement", engagementId, "open", Assignment.OPEN))
                .getResultList();
        for (Assignment a : open) {
            a.status = Assignment.WITHDRAWN;
            audit.record("withdraw", "assignment", a.id, "engagement closed");
        }
    }

    private Assignment create(Intake intake, MeasureDue due) {
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.tenantId = intake.tenantId;
        a.intakeId = intake.id;
        a.clientSubject = intake.clientSubject;
        a.instrumentCode = due.instrument();
        a.dueDate = due.dueOn();
        a.status = Assignment.OPEN;
        a.engagementId = due.engagementId();
        a.measureId = due.measureId();
        a.createdBy = callerContext.subject();
        a.createdAt = Instant.now();
        em.persist(a);
        audit.record("create", "assignment", a.id, "monitoring measure");
        return a;
    }

    /**
     * One page of the assignments the caller sees (the assignment policy: a coach those of the intakes assigned to
     * them, a supervisor those of the intakes they reach), soonest due first, undated last; {@code filter} one of {@link
     * Assignment#LIST_FILTERS} or null for all.
     */
    public Page<Assignment> list(PageRequest page, String filter, UUID intakeId) {
        Map<String, Object> params = new HashMap<>();
        List<String> where =
                new ArrayList<>(List.of("(" + policies.assignment().listFilter(callerContext.caller(), params) + ")"));
        if (Assignment.OVERDUE.equals(filter)) {
            where.add("e.status = :open and e.dueDate < :today");
            params.put("open", Assignment.OPEN);
            params.put("today", LocalDate.now(ZoneOffset.UTC));
        } else if (filter != null) {
            where.add("e.status = :status");
            params.put("status", filter);
        }
        if (intakeId != null) {
            where.add("e.intakeId = :intake");
            params.put("intake", intakeId);
        }
        return tenant.pageSoonestFirst(Assignment.class, where, params, page, "e.dueDate");
    }
}
