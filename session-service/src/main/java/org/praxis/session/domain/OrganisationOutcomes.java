package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * 404 unless the caller may read the organisation's report; audited. Engagements that closed at least
     * {@code settle-days} ago (time for the client's judgement and a late session outcome) are released in whole
     * groups of the minimum size, in the order they closed, each taken as it is then and kept as it was
     * ({@link OutcomeReportEntry}): nothing that happens to an engagement after its release moves the report.
     */
    @Transactional
    public OrganisationOutcomeReport report(String organisation) {
        policies.organisationReports()
                .requireView(policies.caller(), new SponsorOrganisation(organisation), organisation);
        MinimumGroupSize rule = new MinimumGroupSize(config.minimumGroupSize());
        tenant.serialise("outcome-report " + organisation); // two reads at once release a group once
        List<OutcomeReportEntry> counted = new ArrayList<>(
                tenant.select(OutcomeReportEntry.class, "e.organisation = :o", "e.position", Map.of("o", organisation))
                        .getResultList());
        Set<UUID> released = counted.stream().map(e -> e.engagementId).collect(Collectors.toSet());
        List<Engagement> candidates = closedAndDisclosed(organisation).stream()
                .filter(e -> !released.contains(e.id))
                .toList();
        Instant settled = Instant.now().minus(Duration.ofDays(config.settleDays()));
        List<Engagement> ready = candidates.stream()
                .filter(e -> e.closedAt != null && !e.closedAt.isAfter(settled))
                .toList();
        counted.addAll(release(ready.subList(0, rule.released(ready.size())), counted.size()));
        audit.record("read-outcome-report", "organisation", organisation, null);
        return OrganisationOutcomeReport.of(
                organisation, rule, counted, candidates.size() - (counted.size() - released.size()));
    }

    /** Takes each engagement of {@code group} as it is now, from position {@code from} on, and keeps it. */
    private List<OutcomeReportEntry> release(List<Engagement> group, int from) {
        if (group.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = group.stream().map(e -> e.id).toList();
        Map<UUID, Map<String, Long>> sessions = sessionsByStatus(ids);
        Map<UUID, Set<String>> classifications = classifications(ids);
        Map<UUID, List<String>> judgements = judgements(ids);
        List<OutcomeReportEntry> entries = new ArrayList<>();
        for (Engagement e : group) {
            OutcomeReportEntry entry = OutcomeReportEntry.of(
                    e,
                    from + entries.size(),
                    sessions.getOrDefault(e.id, Map.of()),
                    classifications.getOrDefault(e.id, Set.of()),
                    judgements.getOrDefault(e.id, List.of()));
            em.persist(entry);
            entries.add(entry);
        }
        return entries;
    }

    /**
     * The organisation's closed engagements whose contract in force (the latest all required parties accepted)
     * allows it, in the order they closed. Closed only: their outcome no longer moves (score trajectories stop
     * at the close), so comparing two reads cannot show one client's scores changing mid-engagement.
     */
    private List<Engagement> closedAndDisclosed(String organisation) {
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
                .toList();
    }

    private Map<UUID, Map<String, Long>> sessionsByStatus(List<UUID> engagements) {
        return em.createQuery(
                        "select s.engagementId, s.status, count(s) from CoachingSession s where s.tenantId = :t"
                                + " and s.engagementId in :ids group by s.engagementId, s.status",
                        Object[].class)
                .setParameter("t", tenant.tenantId())
                .setParameter("ids", engagements)
                .getResultStream()
                .collect(Collectors.groupingBy(
                        r -> (UUID) r[0], Collectors.toMap(r -> (String) r[1], r -> (Long) r[2])));
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
