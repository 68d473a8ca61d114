package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.praxis.platform.persistence.TenantQueries;

/**
 * The contract version in force of each of many engagements, in two queries, by the same rule as one
 * engagement's ({@link Contracts#inForce}): for what reads many at once, a report or an access policy.
 */
@ApplicationScoped
public class ContractsInForce {
    @Inject
    TenantQueries tenant;

    /** Engagement id → the version in force; an engagement with none is absent. */
    public Map<UUID, Contract> of(Collection<UUID> engagements) {
        if (engagements.isEmpty()) {
            return Map.of();
        }
        List<Contract> contracts = tenant.select(
                        Contract.class, "e.engagementId in :ids", "e.number desc", Map.of("ids", engagements))
                .getResultList();
        if (contracts.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<ContractParty>> parties = tenant.select(
                        ContractParty.class,
                        "e.contractId in :c",
                        null,
                        Map.of("c", contracts.stream().map(c -> c.id).toList()))
                .getResultStream()
                .collect(Collectors.groupingBy(p -> p.contractId));
        Map<UUID, Contract> inForce = new HashMap<>();
        for (Contract c : contracts) {
            if (!inForce.containsKey(c.engagementId)
                    && new Contracts.Version(c, parties.getOrDefault(c.id, List.of())).inForce()) {
                inForce.put(c.engagementId, c);
            }
        }
        return inForce;
    }
}
