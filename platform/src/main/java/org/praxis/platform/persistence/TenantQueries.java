package org.praxis.platform.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.PageRequest;

/**
 * Every entity query goes through here, so the caller's tenant is always in the where clause and
 * nobody writes (or forgets) it by hand. Entities name their tenant column {@code tenantId}.
 * Another tenant's id is simply not found: 404, never 403.
 */
@ApplicationScoped
public class TenantQueries {
    @Inject
    Instance<EntityManager> entityManager;
    @Inject
    CallerContext callerContext;

    public <E> Optional<E> find(Class<E> type, UUID id) {
        return select(type, "e.id = :id", "e.id", Map.of("id", id)).setMaxResults(1).getResultStream().findFirst();
    }

    /** The entity, or a 404 problem naming {@code what}. */
    public <E> E get(Class<E> type, UUID id, String what) {
        return find(type, id).orElseThrow(() -> ProblemException.notFound(what + " " + id));
    }

    /**
     * {@code select e from Type e where e.tenantId = :tenant and (where) order by orderBy}.
     * Parameters are named; {@code :tenant} is set here.
     */
    public <E> TypedQuery<E> select(Class<E> type, String where, String orderBy, Map<String, Object> params) {
        String jpql = "select e from " + type.getSimpleName() + " e where e.tenantId = :tenant"
                + (where == null || where.isBlank() ? "" : " and (" + where + ")")
                + (orderBy == null ? "" : " order by " + orderBy);
        TypedQuery<E> query = entityManager.get().createQuery(jpql, type);
        query.setParameter("tenant", callerContext.tenantId());
        params.forEach(query::setParameter);
        return query;
    }

    /**
     * One keyset page, newest first: the rows after the page's cursor by {@code timeField} then id,
     * and one more, so the page knows whether there is a next one.
     */
    public <E> List<E> page(Class<E> type, List<String> where, Map<String, Object> params, PageRequest page, String timeField) {
        page.restrict(where, params, timeField, "e.id");
        // Each condition in parentheses: a policy's filter is often an "or" of relations, and
        // "own or supervised and after the cursor" would bring the caller's own rows back on every page.
        String conjunction = where.stream().map(w -> "(" + w + ")").collect(java.util.stream.Collectors.joining(" and "));
        return select(type, conjunction, timeField + " desc, e.id desc", params)
                .setMaxResults(page.fetchSize()).getResultList();
    }

    public String tenantId() {
        return callerContext.tenantId();
    }
}
