package org.praxis.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/**
 * Every entity query goes through here, so the caller's tenant is always in the where clause and
 * nobody writes (or forgets) it by hand. Entities name their tenant column {@code tenantId}.
 * Another tenant's id is simply not found: 404, never 403.
 */
@ApplicationScoped
public class TenantQueries {
    /** Where a row without a date sorts in {@link #pageSoonestFirst}: after every real one. */
    static final LocalDate UNDATED = LocalDate.of(9999, 12, 31);

    @Inject
    Instance<EntityManager> entityManager;

    @Inject
    CallerContext callerContext;

    public <E> Optional<E> find(Class<E> type, UUID id) {
        return select(type, "e.id = :id", "e.id", Map.of("id", id))
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
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
     * One keyset page, newest first by {@code timeField} (an {@code Instant}) then id: at most the
     * request's limit of rows, and the cursor of the next page only when there is one.
     */
    public <E> Page<E> pageNewestFirst(
            Class<E> type, List<String> where, Map<String, Object> params, PageRequest page, String timeField) {
        page.restrict(where, params, timeField, "e.id");
        return keysetPage(type, where, params, page, timeField, "desc", at -> (Instant) at);
    }

    /**
     * One keyset page in date order, soonest first, for the lists whose order is a date to act on
     * (actions by their due date, reviews by when they fall due); rows without a date come last. The
     * cursor is the same as {@link #pageNewestFirst}'s: the date as the start of its day (UTC), and the id.
     */
    public <E> Page<E> pageSoonestFirst(
            Class<E> type, List<String> where, Map<String, Object> params, PageRequest page, String dateField) {
        String key = "coalesce(" + dateField + ", :undated)";
        params.put("undated", UNDATED);
        if (page.after() != null) {
            where.add("(" + key + ", e.id) > (:afterDate, :afterId)");
            params.put("afterDate", LocalDate.ofInstant(page.after().at(), ZoneOffset.UTC));
            params.put("afterId", page.after().id());
        }
        return keysetPage(
                type,
                where,
                params,
                page,
                key,
                "asc",
                date -> ((LocalDate) date).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * Selects each row with its sort key and id, one row more than the page holds, so the page knows
     * whether there is a next one and its cursor is made from the very key the rows are ordered by.
     */
    private <E> Page<E> keysetPage(
            Class<E> type,
            List<String> where,
            Map<String, Object> params,
            PageRequest page,
            String key,
            String direction,
            Function<Object, Instant> at) {
        // Each condition in parentheses: a policy's filter is often an "or" of relations, and
        // "own or supervised and after the cursor" would bring the caller's own rows back on every page.
        String conjunction = where.stream().map(w -> "(" + w + ")").collect(Collectors.joining(" and "));
        String jpql = "select e, " + key + ", e.id from " + type.getSimpleName() + " e where e.tenantId = :tenant"
                + (conjunction.isEmpty() ? "" : " and " + conjunction)
                + " order by " + key + " " + direction + ", e.id " + direction;
        TypedQuery<Object[]> query = entityManager.get().createQuery(jpql, Object[].class);
        query.setParameter("tenant", callerContext.tenantId());
        params.forEach(query::setParameter);
        List<Object[]> rows = query.setMaxResults(page.limit() + 1).getResultList();
        return page.page(rows, r -> new PageRequest.Position(at.apply(r[1]), (UUID) r[2]))
                .map(r -> type.cast(r[0]));
    }

    public String tenantId() {
        return callerContext.tenantId();
    }

    /**
     * Serialises {@code purpose} within the caller's tenant until the transaction ends (an advisory lock), so that
     * two requests at once neither pass a per-tenant limit together nor take the same next number.
     */
    public void serialise(String purpose) {
        entityManager
                .get()
                .createNativeQuery("select count(*) from pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, purpose + " " + callerContext.tenantId())
                .getSingleResult();
    }
}
