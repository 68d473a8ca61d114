package org.praxis.session.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.web.PageRequest;

/**
 * Keyset pages in date order, soonest first, for the lists whose order is a date to act on (actions by
 * their due date, reviews by when they fall due); {@link TenantQueries#page} pages newest first. Rows
 * without a date come last. The cursor is the platform's: the date as the start of its day (UTC), and the id.
 */
public final class DatePages {
    /** Where a row without a date sorts: after every real one. */
    static final LocalDate UNDATED = LocalDate.of(9999, 12, 31);

    private DatePages() {
    }

    static <E> List<E> page(TenantQueries tenant, Class<E> type, List<String> where, Map<String, Object> params,
                            PageRequest page, String dateField) {
        String key = "coalesce(" + dateField + ", :undated)";
        params.put("undated", UNDATED);
        if (page.after() != null) {
            where.add("(" + key + ", e.id) > (:afterDate, :afterId)");
            params.put("afterDate", LocalDate.ofInstant(page.after().at(), ZoneOffset.UTC));
            params.put("afterId", page.after().id());
        }
        // Each condition in parentheses, as TenantQueries.page does: a policy's filter is often an "or".
        String conjunction = where.stream().map(w -> "(" + w + ")").collect(Collectors.joining(" and "));
        return tenant.select(type, conjunction, key + " asc, e.id asc", params).setMaxResults(page.fetchSize()).getResultList();
    }

    /** The cursor position of a row dated {@code date} (null: undated). */
    public static PageRequest.Position position(LocalDate date, UUID id) {
        return new PageRequest.Position((date == null ? UNDATED : date).atStartOfDay(ZoneOffset.UTC).toInstant(), id);
    }
}
