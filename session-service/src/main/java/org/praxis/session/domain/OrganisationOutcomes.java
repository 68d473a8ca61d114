package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;

/**
 * The sponsor's organisation outcome report: which engagements count (their contract in force allows
 * aggregate disclosure), and their sessions, score classifications and clients' goal judgements, in a
 * handful of queries whatever the number of engagements. What is shown is {@link OrganisationOutcomeReport}'s.
 */
@ApplicationScoped
public class OrganisationOutcomes {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    ContractsInForce contractsInForce;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    @Inject
    OutcomeReportConfig config;

    /** 404 unless the caller may read the organisation's report; audited. */
    @Transactional
    public OrganisationOutcomeReport report(String organisation) {
        policies.organisationReports()
                .requireView(policies.caller(), new SponsorOrganisation(organisation), organisation);
        MinimumGroupSize rule = new MinimumGroupSize(config.minimumGroupSize());
        List<UUID> closed = counted(organisation);
        List<UUID> counted = closed.subList(0, rule.released(closed.size()));
        int waiting = closed.size() - counted.size();
        audit.record("read-outcome-report", "organisation", organisation, null);
        if (counted.isEmpty()) {
            return OrganisationOutcomeReport.of(organisation, rule, counted, waiting, Map.of(), Map.of(), Map.of());
        }
        return OrganisationOutcomeReport.of(
                organisation,
                rule,
                counted,
                waiting,
                sessionsByStatus(counted),
                classifications(counted),
                judgements(counted));
    }

    /**
     * The organisation's closed engagements whose contract in force (the latest all required parties accepted)
     * allows it, in the order they closed. Closed only: their outcome no longer moves (score trajectories stop
     * at the close), so comparing two reads cannot show one client's scores changing mid-engagement.
     */
    private List<UUID> counted(String organisation) {
        List<Engagement> engagements = tenant.select(
                        Engagement.class,
                        "e.sponsorOrganisation = :o and e.status = :closed",
                        "e.closedAt, e.id",
                        Map.of("o", organisation, "closed", EngagementLifecycle.CLOSED))
                .getResultList();
        if (engagements.isEmpty()) {
            return List.of();
        }
        Map<UUID, Contract> inForce =
                contractsInForce.of(engagements.stream().map(e -> e.id).toList());
        return engagements.stream()
                .filter(e -> inForce.containsKey(e.id)
                        && inForce.get(e.id).disclosure().aggregateOutcomes())
                .map(e -> e.id)
                .toList();
    }

    private Map<String, Long> sessionsByStatus(List<UUID> engagements) {
        return em.createQuery(
                        "select s.status, count(s) from CoachingSession s where s.tenantId = :t"
                                + " and s.engagementId in :ids group by s.status",
                        Object[].class)
                .setParameter("t", tenant.tenantId())
                .setParameter("ids", engagements)
                .getResultStream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
    }

    private Map<UUID, Set<String>> classifications(List<UUID> engagements) {
        return tenant.select(ScoreTrajectory.class, "e.engagementId in :ids", null, Map.of("ids", engagements))
                .getResultStream()
                .collect(Collectors.groupingBy(
                        s -> s.engagementId, Collectors.mapping(s -> s.classification, Collectors.toSet())));
    }

    private Map<UUID, List<String>> judgements(List<UUID> engagements) {
        Map<UUID, UUID> engagementOf = tenant.select(
                        ClientJudgement.class, "e.engagementId in :ids", null, Map.of("ids", engagements))
                .getResultStream()
                .collect(Collectors.toMap(j -> j.id, j -> j.engagementId));
        if (engagementOf.isEmpty()) {
            return Map.of();
        }
        return tenant.select(
                        ClientGoalJudgement.class,
                        "e.judgementId in :j",
                        null,
                        Map.of("j", new HashSet<>(engagementOf.keySet())))
                .getResultStream()
                .collect(Collectors.groupingBy(
                        g -> engagementOf.get(g.judgementId),
                        Collectors.mapping(g -> g.judgement, Collectors.toList())));
    }
}
