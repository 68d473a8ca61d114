package org.praxis.assessment.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.praxis.assessment.domain.AccessPolicies;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;

/**
 * For one caller and one aggregate: the ids the list query returns (tenant-scoped, with the policy's
 * {@code listFilter}) and the ids of the fixtures of the caller's tenant that {@code canView} accepts.
 * The policy is built by the service's own {@link AccessPolicies}, as a request would build it.
 */
@ApplicationScoped
public class PolicyAgreement {
    @Inject
    CallerContext callerContext;

    @Inject
    AccessPolicies policies;

    @Inject
    EntityManager em;

    public record Outcome(Set<Object> listed, Set<Object> viewable) {}

    @ActivateRequestContext
    public <E> Outcome compare(
            Caller caller,
            Class<E> type,
            Function<AccessPolicies, Policy<E, ?, ?>> policyOf,
            Function<E, String> tenantOf,
            Function<E, Object> id,
            List<E> fixtures) {
        callerContext.actAs(caller);
        Policy<E, ?, ?> policy = policyOf.apply(policies);
        Map<String, Object> params = new HashMap<>();
        String where = policy.listFilter(caller, params);
        var query = em.createQuery(
                        "select e from " + type.getSimpleName() + " e where e.tenantId = :tenant and (" + where + ")",
                        type)
                .setParameter("tenant", caller.tenantId());
        params.forEach(query::setParameter);
        Set<Object> listed = query.getResultStream().map(id).collect(Collectors.toSet());
        Set<Object> viewable = fixtures.stream()
                .filter(f -> caller.tenantId().equals(tenantOf.apply(f)))
                .filter(f -> policy.canView(caller, f))
                .map(id)
                .collect(Collectors.toSet());
        return new Outcome(listed, viewable);
    }
}
