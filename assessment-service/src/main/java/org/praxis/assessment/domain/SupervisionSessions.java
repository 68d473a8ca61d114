package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.praxis.assessment.domain.access.SupervisionRecordPolicy;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/** The supervision sessions a practitioner had: recorded by them or their supervisor, listed with the period's hours. */
@ApplicationScoped
public class SupervisionSessions {
    /** The longest supervision session one entry may record, and all of one day's together: 8 hours. */
    public static final int MAX_SUPERVISION_MINUTES = 480;

    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    @Inject
    Practitioners practitioners;

    @Inject
    PractiseRecords records;

    @Inject
    Eligibility eligibility;

    @Inject
    AccessPolicies policies;

    /** Recorded by the supervisee (naming their supervisor) or by their supervisor. */
    @Transactional
    public SupervisionSession recordSupervision(
            String supervisee, LocalDate heldOn, int minutes, List<String> competences, String notes) {
        Practitioner p = practitioners.existing(supervisee);
        SupervisionRecordPolicy policy = policies.supervision();
        policy.require(
                policies.caller(),
                SupervisionRecordPolicy.Action.RECORD,
                SupervisionRecordPolicy.proposed(supervisee),
                supervisee);
        if (p.supervisorId == null) {
            throw ProblemException.unprocessable(
                    "The practitioner has no supervisor yet",
                    List.of(new Violation("superviseeId", "has no supervisor named on their profile")));
        }
        // Locked so that both sides recording the same day at once still see each other.
        em.lock(p, LockModeType.PESSIMISTIC_WRITE);
        requireNotCountedYet(
                supervisee,
                heldOn,
                minutes,
                policy.can(
                        policies.caller(),
                        SupervisionRecordPolicy.Action.VERIFY,
                        SupervisionRecordPolicy.proposed(supervisee, p.supervisorId)));
        SupervisionSession s = new SupervisionSession();
        s.id = UUID.randomUUID();
        s.tenantId = callerContext.tenantId();
        s.superviseeId = supervisee;
        s.supervisorId = p.supervisorId;
        s.heldOn = heldOn;
        s.durationMinutes = minutes;
        s.competences = records.checkedCompetences(competences);
        s.notes(notes);
        s.recordedBy = callerContext.subject();
        s.recordedAt = Instant.now();
        boolean verifiedAsRecorded = policy.can(policies.caller(), SupervisionRecordPolicy.Action.VERIFY, s);
        if (verifiedAsRecorded) { // recorded by the supervisor: they vouch for it as they record it
            s.verifiedBy = s.recordedBy;
            s.verifiedAt = s.recordedAt;
        }
        em.persist(s);
        audit.record("create", "supervision-session", s.id, null);
        if (verifiedAsRecorded) {
            audit.record("verify", "supervision-session", s.id, "recorded by the supervisor");
        }
        eligibility.refresh(supervisee);
        return s;
    }

    /**
     * One meeting counts once: 409 when the other side recorded a session that day already (the supervisor then
     * verifies the supervisee's entry instead); 422 past {@link #MAX_SUPERVISION_MINUTES} recorded for one day.
     */
    private void requireNotCountedYet(String supervisee, LocalDate heldOn, int minutes, boolean bySupervisor) {
        List<SupervisionSession> day = tenant.select(
                        SupervisionSession.class,
                        "e.superviseeId = :p and e.heldOn = :d",
                        null,
                        Map.of("p", supervisee, "d", heldOn))
                .getResultList();
        if (day.stream().anyMatch(other -> supervisee.equals(other.recordedBy) == bySupervisor)) {
            throw ProblemException.conflict(
                    bySupervisor
                            ? "The supervisee recorded a session on " + heldOn
                                    + " already; verify their entry instead of recording it again."
                            : "Your supervisor recorded a session on " + heldOn + " already; it counts for you.");
        }
        if (day.stream().mapToInt(other -> other.durationMinutes).sum() + minutes > MAX_SUPERVISION_MINUTES) {
            throw ProblemException.unprocessable(
                    "At most " + MAX_SUPERVISION_MINUTES + " minutes of supervision are recorded for one day",
                    List.of(new Violation(
                            "durationMinutes",
                            "with the " + heldOn + " sessions recorded already, more than "
                                    + MAX_SUPERVISION_MINUTES)));
        }
    }

    /** One page of sessions, newest recorded first, and the minutes of all sessions in the period (every page). */
    public record SupervisionPage(Page<SupervisionSession> sessions, long totalMinutes, long verifiedMinutes) {
        /** {@code totalMinutes} in hours to the nearest tenth (six minutes), a half tenth rounded up: 45 min is 0.8 h. */
        public double totalHours() {
            return Math.round(totalMinutes / 6.0) / 10.0;
        }
    }

    @Transactional
    public SupervisionPage supervision(String supervisee, LocalDate from, LocalDate to, PageRequest page) {
        practitioners.existing(supervisee);
        SupervisionRecordPolicy policy = policies.supervision();
        Map<String, Object> params = new HashMap<>(Map.of("p", supervisee));
        List<String> where = new ArrayList<>(
                List.of("e.superviseeId = :p", "(" + policy.listFilter(policies.caller(), params) + ")"));
        // Their own, a supervisee's, or (a former supervisor) the sessions they held; 404 for anyone else.
        if (!policy.canView(policies.caller(), SupervisionRecordPolicy.proposed(supervisee))
                && tenant.select(SupervisionSession.class, String.join(" and ", where), null, params)
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty()) {
            policy.requireView(policies.caller(), SupervisionRecordPolicy.proposed(supervisee), supervisee);
        }
        if (from != null) {
            where.add("e.heldOn >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("e.heldOn <= :to");
            params.put("to", to);
        }
        // The totals before the page's cursor joins the conditions: they cover the whole period.
        var totals = em.createQuery(
                        "select coalesce(sum(e.durationMinutes), 0),"
                                + " coalesce(sum(case when e.verifiedAt is not null then e.durationMinutes else 0 end), 0)"
                                + " from SupervisionSession e where e.tenantId = :tenant and "
                                + where.stream().map(w -> "(" + w + ")").collect(Collectors.joining(" and ")),
                        Object[].class)
                .setParameter("tenant", tenant.tenantId());
        params.forEach(totals::setParameter);
        Object[] minutes = totals.getSingleResult();
        Page<SupervisionSession> sessions =
                tenant.pageNewestFirst(SupervisionSession.class, where, params, page, "e.recordedAt");
        // Each session's notes are read here (DESIGN: every read of notes is audited).
        sessions.items().forEach(s -> audit.record("read", "supervision-session", s.id, null));
        return new SupervisionPage(sessions, ((Number) minutes[0]).longValue(), ((Number) minutes[1]).longValue());
    }
}
