package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.praxis.intake.domain.access.IntakePolicy;
import org.praxis.intake.domain.access.Policies;
import org.praxis.intake.domain.access.RiskFlagPolicy;
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

/** Raising risk flags (by an item or by hand) and moving them raised → acknowledged → actioned → closed. */
@ApplicationScoped
public class RiskFlags {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    Intakes intakes;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    /** Joins the caller's transaction; publishes {@code risk-flag.raised} through the outbox at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RiskFlag raise(Intake intake, UUID screeningId, String code, String level, String source, String note) {
        RiskFlag flag = new RiskFlag();
        flag.id = UUID.randomUUID();
        flag.tenantId = intake.tenantId;
        flag.intakeId = intake.id;
        flag.screeningId = screeningId;
        flag.code = code;
        flag.level = level;
        flag.source = source;
        flag.status = RiskFlagLifecycle.RAISED;
        flag.raisedBy = callerContext.subject();
        flag.raisedAt = Instant.now();
        em.persist(flag);
        em.flush();
        addStep(flag, note);
        audit.record("raise", "risk-flag", flag.id, null);
        outbox.publish(new IntakeEvents.RiskFlagRaised(
                flag.id, intake.id, intake.clientSubject, screeningId, code, level, source, intake.assignedCoach));
        return flag;
    }

    @Transactional
    public RiskFlag raiseByHand(UUID intakeId, String code, String level, String note) {
        return raise(
                intakes.require(intakeId, IntakePolicy.Action.RAISE_RISK_FLAG),
                null,
                code,
                level,
                RiskFlag.MANUAL,
                note);
    }

    /** Moves the flag (If-Match optional: 412 only when a stale one is sent); returns it at its new version. */
    @Transactional
    public RiskFlag move(UUID flagId, String ifMatch, String status, String note) {
        RiskFlag flag = policies.riskFlag()
                .require(
                        callerContext.caller(),
                        RiskFlagPolicy.Action.MOVE,
                        tenant.get(RiskFlag.class, flagId, "Risk flag"),
                        flagId);
        ETags.requireMatchIfPresent(ifMatch, flag.version);
        if (!RiskFlagLifecycle.isStatus(status)) {
            throw ProblemException.unprocessable(
                    "Unknown status " + status,
                    List.of(new Violation("status", "must be acknowledged, actioned or closed")));
        }
        RiskFlagLifecycle.requireMove(flag.status, status);
        RiskFlagLifecycle.requireNote(status, note);
        flag.status = status;
        addStep(flag, note);
        audit.record("move-to-" + status, "risk-flag", flag.id, null);
        outbox.publish(new IntakeEvents.RiskFlagStatusChanged(flag.id, flag.intakeId, status));
        em.flush(); // so the flag answers with the version this move gave it
        return flag;
    }

    /** A flag with its steps and notes: as the risk-flag policy says, audited. */
    @Transactional
    public RiskFlag read(UUID flagId) {
        RiskFlag flag = policies.riskFlag()
                .requireView(callerContext.caller(), tenant.get(RiskFlag.class, flagId, "Risk flag"), flagId);
        audit.record("read", "risk-flag", flag.id, null);
        return flag;
    }

    public List<RiskFlagStep> steps(UUID flagId) {
        return tenant.select(RiskFlagStep.class, "e.riskFlagId = :flag", "e.at asc, e.id asc", Map.of("flag", flagId))
                .getResultList();
    }

    /**
     * Every supervisor sees the tenant's flags not yet closed (the risk queue) and the closed ones of the
     * intakes they reach; coaches the flags of intakes assigned to them; optionally of one intake only. Audited.
     */
    @Transactional
    public Page<RiskFlag> queue(PageRequest page, String status, UUID intakeId) {
        Caller caller = callerContext.caller();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("(" + policies.riskFlag().listFilter(caller, params) + ")");
        List<String> filters = new ArrayList<>();
        if (status != null) {
            where.add("e.status = :status");
            params.put("status", status);
            filters.add("status=" + status);
        }
        if (intakeId != null) {
            where.add("e.intakeId = :intake");
            params.put("intake", intakeId);
            filters.add("intake=" + intakeId);
        }
        Page<RiskFlag> flags = tenant.pageNewestFirst(RiskFlag.class, where, params, page, "e.raisedAt");
        audit.record("list", "risk-flag", null, filters.isEmpty() ? null : String.join(" ", filters));
        return flags;
    }

    /**
     * The flags each of an intake's screenings raised, as the risk-flag policy lets the caller see them (a
     * listing, audited); empty when no role of the caller reaches risk flags, rather than an empty list each.
     */
    @Transactional
    public Optional<Map<UUID, List<RiskFlag>>> ofScreenings(UUID intakeId, List<UUID> screeningIds) {
        Caller caller = callerContext.caller();
        if (!policies.riskFlag().rules().allows(RiskFlagPolicy.Action.VIEW, caller)) {
            return Optional.empty();
        }
        if (screeningIds.isEmpty()) {
            return Optional.of(Map.of());
        }
        Map<String, Object> params = new HashMap<>();
        String filter = policies.riskFlag().listFilter(caller, params);
        params.put("screenings", screeningIds);
        List<RiskFlag> flags = tenant.select(
                        RiskFlag.class, "(" + filter + ") and e.screeningId in :screenings", "e.raisedAt asc", params)
                .getResultList();
        audit.record("list", "risk-flag", null, "intake=" + intakeId);
        return Optional.of(flags.stream().collect(Collectors.groupingBy(f -> f.screeningId)));
    }

    public List<String> openCodes(UUID intakeId) {
        return open(intakeId).stream().map(f -> f.code).toList();
    }

    /**
     * Sources of flags raised from the scores themselves (a deteriorating trajectory, a pathway escalation): the
     * triage rules read those scores already, and a flag must not drive the recommendation it reports.
     */
    static final Set<String> FROM_SCORES = Set.of(RiskFlag.TRAJECTORY, RiskFlag.RECOMMENDATION);

    /**
     * The open flags' codes the triage rules read, of those {@code counted}: raised by an item's answer or by hand,
     * never {@link #FROM_SCORES}. The one rule for the recommendation at intake, the recomputed one and the client's.
     */
    public List<String> triageCodes(UUID intakeId, Predicate<RiskFlag> counted) {
        return open(intakeId).stream()
                .filter(f -> !FROM_SCORES.contains(f.source))
                .filter(counted)
                .map(f -> f.code)
                .toList();
    }

    /** The intake's flags not closed yet, oldest first. */
    public List<RiskFlag> open(UUID intakeId) {
        return tenant.select(
                        RiskFlag.class,
                        "e.intakeId = :intake and e.status in :open",
                        "e.raisedAt asc",
                        Map.of("intake", intakeId, "open", RiskFlagLifecycle.OPEN))
                .getResultList();
    }

    private void addStep(RiskFlag flag, String note) {
        RiskFlagStep step = new RiskFlagStep();
        step.id = UUID.randomUUID();
        step.tenantId = flag.tenantId;
        step.riskFlagId = flag.id;
        step.status = flag.status;
        step.actor = callerContext.subject();
        step.at = Instant.now();
        step.note(note);
        em.persist(step);
    }
}
