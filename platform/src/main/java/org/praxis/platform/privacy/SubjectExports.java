package org.praxis.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.security.CallerContext;

/**
 * The steps every service's subject export takes alike: {@link #open} checks the caller
 * ({@link SubjectExportPolicy}) and uses the export request (counted and audited with its reason) before
 * anything is read; {@link #rows} and {@link #rowsIn} read at most {@link #ROWS} rows of a kind, in
 * the order given (oldest first). What a service exports, and how it maps it, stays in the service.
 */
@ApplicationScoped
public class SubjectExports {
    /** The most rows of each kind one export holds; a person with more is exported in part. */
    public static final int ROWS = ExportRequests.MAX_ROWS_PER_LIST;

    private static final SubjectExportPolicy POLICY = new SubjectExportPolicy();

    @Inject
    CallerContext callerContext;

    @Inject
    ExportRequests exportRequests;

    @Inject
    TenantQueries tenant;

    /** 403 unless the caller may export; then the request must be ready for {@code subject} (see {@link ExportRequests#use}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(String subject, UUID request) {
        POLICY.requireAllowed(callerContext.caller(), SubjectExportPolicy.Action.EXPORT);
        exportRequests.use(request, subject);
    }

    /** At most {@link #ROWS} of the tenant's {@code type} rows matching {@code where}. */
    public <E> List<E> rows(Class<E> type, String where, String orderBy, Map<String, Object> params) {
        return capped(tenant.select(type, where, orderBy, params));
    }

    /** At most {@link #ROWS} of the tenant's {@code type} rows whose {@code field} is one of {@code ids}; none for none. */
    public <E> List<E> rowsIn(Class<E> type, String field, Collection<?> ids, String orderBy) {
        return ids.isEmpty() ? List.of() : rows(type, "e." + field + " in :ids", orderBy, Map.of("ids", ids));
    }

    private static <E> List<E> capped(TypedQuery<E> query) {
        return query.setMaxResults(ROWS).getResultList();
    }
}
