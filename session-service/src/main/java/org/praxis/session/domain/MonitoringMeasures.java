package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.session.domain.events.SessionEvents;

/**
 * Makes monitoring measures fall due under an engagement's plan — after every N-th held session, or
 * every N weeks from activation — and completes them from intake's scored screenings. session-service
 * runs no scheduler, so a weekly measure is dated ahead when the engagement activates and when the
 * one before it is completed. Each measure that falls due is published as {@code monitoring.due} in the
 * same transaction, for intake-service to assign it to the client; an engagement that came from no
 * intake has nowhere to send it, so its measures are kept here only.
 */
@ApplicationScoped
public class MonitoringMeasures {
    private static final Logger LOG = Logger.getLogger(MonitoringMeasures.class);

    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    @Inject
    MonitoringPlans plans;

    @Inject
    MonitoringConfig config;

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /**
     * After a session was recorded as held: on every N-th held session, one measure of each instrument. Only on
     * an active engagement: a session recorded late, after a pause or the close, asks the client for nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sessionHeld(Engagement e) {
        MonitoringPlan p = plans.of(e.id).orElse(null);
        if (p == null || p.everySessions == null || !EngagementLifecycle.ACTIVE.equals(e.status)) {
            return;
        }
        long held = em.createQuery(
                        "select count(s) from CoachingSession s where s.tenantId = :t and s.engagementId = :e"
                                + " and s.status = :held",
                        Long.class)
                .setParameter("t", e.tenantId)
                .setParameter("e", e.id)
                .setParameter("held", CoachingSession.HELD)
                .getSingleResult();
        LocalDate dueOn = today().plusDays(config.daysToComplete());
        if (held > 0 && held % p.everySessions == 0 && p.runsOn(dueOn)) {
            fallDue(e, p.instruments, dueOn);
        }
    }

    /** When the engagement activates: the first weekly measures, N weeks on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void activated(Engagement e) {
        plans.of(e.id).filter(p -> p.everyWeeks != null).ifPresent(p -> {
            LocalDate dueOn = today().plusWeeks(p.everyWeeks);
            if (p.runsOn(dueOn)) {
                fallDue(e, p.instruments, dueOn);
            }
        });
    }

    /**
     * After the practitioner changed the plan, or the engagement resumed after a pause: on an active engagement
     * under a weekly plan, each instrument without an open measure is dated N weeks on, as at activation (else a
     * plan switched to weekly, or a measure completed while paused, would wait for a completion that never
     * comes). A plan by held sessions waits for the next held session.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planChanged(Engagement e) {
        MonitoringPlan p = plans.of(e.id).orElse(null);
        if (p == null || p.everyWeeks == null || !EngagementLifecycle.ACTIVE.equals(e.status)) {
            return;
        }
        List<String> open = open(e).stream().map(m -> m.instrument).toList();
        List<String> unscheduled =
                p.instruments.stream().filter(i -> !open.contains(i)).toList();
        LocalDate dueOn = today().plusWeeks(p.everyWeeks);
        if (!unscheduled.isEmpty() && p.runsOn(dueOn)) {
            fallDue(e, unscheduled, dueOn);
        }
    }

    /**
     * A scored screening completed the measure: recorded once (a redelivered event finds it completed);
     * under a weekly plan the instrument's next measure is dated. False when there is no such measure of
     * that engagement in the tenant.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean complete(UUID measureId, UUID engagementId, UUID screeningId) {
        MonitoringMeasure m = tenant.find(MonitoringMeasure.class, measureId).orElse(null);
        if (m == null || (engagementId != null && !engagementId.equals(m.engagementId))) {
            LOG.infof("screening %s names measure %s, which this engagement does not have", screeningId, measureId);
            return false;
        }
        if (MonitoringMeasure.COMPLETED.equals(m.status)) {
            return true;
        }
        m.status = MonitoringMeasure.COMPLETED;
        m.screeningId = screeningId;
        m.completedAt = Instant.now();
        audit.record("complete", "monitoring-measure", m.id, "screening " + screeningId);
        Engagement e = tenant.get(Engagement.class, m.engagementId, "Engagement");
        // Held until this commits, so a close at the same time waits and withdraws what this dates; a close
        // committed since the read fails the lock's version check, and the event is applied again, closed.
        em.lock(e, LockModeType.PESSIMISTIC_READ);
        MonitoringPlan p = plans.of(e.id).orElse(null);
        if (p != null
                && p.everyWeeks != null
                && EngagementLifecycle.ACTIVE.equals(e.status)
                && p.instruments.contains(m.instrument)) {
            LocalDate next = m.dueOn.plusWeeks(p.everyWeeks);
            while (!next.isAfter(today())) {
                next = next.plusWeeks(p.everyWeeks);
            }
            if (p.runsOn(next)) {
                fallDue(e, List.of(m.instrument), next);
            }
        }
        return true;
    }

    /**
     * The engagement closed: its open measures are withdrawn, so the practitioner's overdue list does not keep
     * them and the client is not asked for them (intake-service withdraws the assignment on the engagement's
     * status-changed event). A measure completed after all is still recorded ({@link #complete}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawOpen(Engagement e) {
        em.lock(e, LockModeType.PESSIMISTIC_WRITE); // a completion dating the next measure commits first (complete)
        for (MonitoringMeasure m : open(e)) {
            m.status = MonitoringMeasure.WITHDRAWN;
            audit.record("withdraw", "monitoring-measure", m.id, "engagement closed");
        }
    }

    private List<MonitoringMeasure> open(Engagement e) {
        return tenant.select(
                        MonitoringMeasure.class,
                        "e.engagementId = :e and e.status = :due",
                        null,
                        Map.of("e", e.id, "due", MonitoringMeasure.DUE))
                .getResultList();
    }

    private void fallDue(Engagement e, List<String> instruments, LocalDate dueOn) {
        for (String instrument : instruments) {
            MonitoringMeasure m = new MonitoringMeasure();
            m.id = UUID.randomUUID();
            m.tenantId = e.tenantId;
            m.engagementId = e.id;
            m.instrument = instrument;
            m.dueOn = dueOn;
            m.status = MonitoringMeasure.DUE;
            m.createdAt = Instant.now();
            em.persist(m);
            audit.record("fall-due", "monitoring-measure", m.id, "due " + dueOn); // not which instrument: clinical
            if (e.sourceIntakeId != null) {
                outbox.publish(new SessionEvents.MonitoringDue(
                        m.id, e.id, e.sourceIntakeId, e.clientSubject, instrument, dueOn));
            }
        }
    }
}
