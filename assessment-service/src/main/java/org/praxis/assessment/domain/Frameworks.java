package org.praxis.assessment.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;

/**
 * The built-in framework and the tenant's imported versions (each immutable once published). A
 * version is validated when it is imported and parsed once per process when first read: since it
 * never changes, the parsed form is kept (by tenant, code and version) instead of reading the
 * CASE document again on every request.
 */
@ApplicationScoped
public class Frameworks {
    /** Framework codes a tenant may import besides the built-in one, so the list of frameworks stays one short list. */
    public static final int MAX_FRAMEWORKS = 50;
    /**
     * Items of parsed versions kept in memory, the least recently read dropped first: about 3 MB at
     * typical sizes (a hundred frameworks of a hundred competences), 50 MB if every text were as long as allowed.
     */
    static final int MAX_PARSED_ITEMS = 10 * CaseDocuments.MAX_ITEMS;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    private record Key(String tenant, String code, int version) {}

    /** In access order, so the eldest entry is the least recently read. */
    private final LinkedHashMap<Key, CompetenceFramework> parsed = new LinkedHashMap<>(16, 0.75f, true);

    private int parsedItems;

    /** The latest version of each framework the tenant can use, the built-in one first. */
    public List<CompetenceFramework> latest() {
        List<CompetenceFramework> found = new ArrayList<>();
        found.add(BuiltInFramework.framework());
        List<Object[]> versions = em.createQuery(
                        "select e.code, max(e.version) from FrameworkVersion e where e.tenantId = :t"
                                + " group by e.code order by e.code",
                        Object[].class)
                .setParameter("t", tenant.tenantId())
                .getResultList();
        for (Object[] v : versions) {
            found.add(get((String) v[0], ((Number) v[1]).intValue()));
        }
        return found;
    }

    /** One version, or the latest when {@code version} is null; 404 when there is none. */
    public CompetenceFramework get(String code, Integer version) {
        if (BuiltInFramework.CODE.equals(code)) {
            if (version != null && version != BuiltInFramework.VERSION) {
                throw ProblemException.notFound("Framework " + code + " version " + version);
            }
            return BuiltInFramework.framework();
        }
        Integer wanted = version != null ? version : lastVersion(code);
        if (wanted == null) {
            throw ProblemException.notFound("Framework " + code);
        }
        Key key = new Key(tenant.tenantId(), code, wanted);
        CompetenceFramework known = cached(key);
        if (known != null) {
            return known;
        }
        FrameworkVersion stored = tenant.select(
                        FrameworkVersion.class,
                        "e.code = :code and e.version = :version",
                        null,
                        Map.of("code", code, "version", wanted))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Framework " + code + " version " + wanted));
        CompetenceFramework f = parse(stored);
        keep(key, f);
        return f;
    }

    private Integer lastVersion(String code) {
        Number last = (Number)
                em.createQuery("select max(e.version) from FrameworkVersion e where e.tenantId = :t and e.code = :c")
                        .setParameter("t", tenant.tenantId())
                        .setParameter("c", code)
                        .getSingleResult();
        return last == null ? null : last.intValue();
    }

    private synchronized CompetenceFramework cached(Key key) {
        return parsed.get(key);
    }

    /** Only versions read from the database are kept, never one being published (its transaction may still roll back). */
    private synchronized void keep(Key key, CompetenceFramework f) {
        CompetenceFramework before = parsed.put(key, f);
        parsedItems += f.items().size() - (before == null ? 0 : before.items().size());
        Iterator<CompetenceFramework> eldest = parsed.values().iterator();
        while (parsedItems > MAX_PARSED_ITEMS && eldest.hasNext()) {
            parsedItems -= eldest.next().items().size();
            eldest.remove();
        }
    }

    /** Imports a CASE document as the next version of {@code code}; a malformed one stores nothing. */
    @Transactional
    public CompetenceFramework publish(String code, CaseDocument document) {
        if (BuiltInFramework.CODE.equals(code)) {
            throw ProblemException.unprocessable(
                    "The built-in framework cannot be replaced; import under your own code",
                    List.of(new Violation("code", "is reserved for the built-in framework")));
        }
        if (!code.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw ProblemException.unprocessable(
                    "A framework code is lower case letters, digits and dashes",
                    List.of(new Violation("code", "must match [a-z0-9][a-z0-9-]{1,62}")));
        }
        // One import per tenant at a time, so the version numbers and the count of frameworks stay exact.
        tenant.serialise("framework-import");
        Integer last = lastVersion(code);
        if (last == null && frameworkCount() >= MAX_FRAMEWORKS) {
            throw ProblemException.unprocessable(
                    "A tenant imports at most " + MAX_FRAMEWORKS + " frameworks",
                    List.of(new Violation(
                            "code",
                            "would be framework " + (MAX_FRAMEWORKS + 1)
                                    + "; publish a new version of an existing one instead")));
        }
        int version = last == null ? 1 : last + 1;
        CompetenceFramework framework;
        try {
            framework = CaseDocuments.read(code, version, document);
        } catch (CaseDocuments.InvalidDocument e) {
            throw ProblemException.unprocessable("The CASE document is not valid", e.violations);
        }
        FrameworkVersion v = new FrameworkVersion();
        v.id = UUID.randomUUID();
        v.tenantId = callerContext.tenantId();
        v.code = code;
        v.version = version;
        v.title = framework.title();
        v.document = json(CaseExports.write(framework));
        v.createdBy = actor();
        v.createdAt = Instant.now();
        em.persist(v);
        audit.record("publish", "framework", code + "@" + version, null);
        return framework;
    }

    private long frameworkCount() {
        return em.createQuery("select count(distinct e.code) from FrameworkVersion e where e.tenantId = :t", Long.class)
                .setParameter("t", tenant.tenantId())
                .getSingleResult();
    }

    private static CompetenceFramework parse(FrameworkVersion v) {
        try {
            return CaseDocuments.read(v.code, v.version, JSON.readValue(v.document, CaseDocument.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored framework " + v.code + "@" + v.version + " is unreadable", e);
        }
    }

    private static String json(CaseDocument document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CASE document could not be written", e);
        }
    }

    /** Who is acting, to stamp what they record (access is decided by the policies, not here). */
    private String actor() {
        return callerContext.subject();
    }
}
