package org.praxis.assessment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.Problem;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.CallerContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The built-in framework and the tenant's imported versions (each immutable once published). */
@ApplicationScoped
public class Frameworks {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;
    @Inject
    TenantQueries tenant;
    @Inject
    CallerContext callerContext;
    @Inject
    AuditLog audit;

    /** The latest version of each framework the tenant can use, the built-in one first. */
    public List<CompetenceFramework> latest() {
        Map<String, CompetenceFramework> byCode = new LinkedHashMap<>();
        byCode.put(BuiltInFramework.CODE, BuiltInFramework.framework());
        for (FrameworkVersion v : tenant.select(FrameworkVersion.class, null, "e.code, e.version", Map.of()).getResultList()) {
            byCode.put(v.code, parse(v));
        }
        return new ArrayList<>(byCode.values());
    }

    /** One version, or the latest when {@code version} is null; 404 when there is none. */
    public CompetenceFramework get(String code, Integer version) {
        if (BuiltInFramework.CODE.equals(code)) {
            if (version != null && version != BuiltInFramework.VERSION) {
                throw ProblemException.notFound("Framework " + code + " version " + version);
            }
            return BuiltInFramework.framework();
        }
        List<FrameworkVersion> found = tenant.select(FrameworkVersion.class,
                version == null ? "e.code = :code" : "e.code = :code and e.version = :version", "e.version desc",
                version == null ? Map.of("code", code) : Map.of("code", code, "version", version))
                .setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("Framework " + code + (version == null ? "" : " version " + version));
        }
        return parse(found.get(0));
    }

    /** Imports a CASE document as the next version of {@code code}; a malformed one stores nothing. */
    @Transactional
    public CompetenceFramework publish(String code, JsonNode document) {
        if (BuiltInFramework.CODE.equals(code)) {
            throw ProblemException.unprocessable("The built-in framework cannot be replaced; import under your own code",
                    List.of(new Problem.FieldError("code", "is reserved for the built-in framework")));
        }
        if (!code.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw ProblemException.unprocessable("A framework code is lower case letters, digits and dashes",
                    List.of(new Problem.FieldError("code", "must match [a-z0-9][a-z0-9-]{1,62}")));
        }
        Number last = (Number) em.createQuery("select max(e.version) from FrameworkVersion e where e.tenantId = :t and e.code = :c")
                .setParameter("t", callerContext.tenantId()).setParameter("c", code).getSingleResult();
        int version = last == null ? 1 : last.intValue() + 1;
        CompetenceFramework framework;
        try {
            framework = CaseDocuments.read(code, version, document);
        } catch (CaseDocuments.InvalidDocument e) {
            throw ProblemException.unprocessable("The CASE document is not valid",
                    e.problems.stream().map(p -> new Problem.FieldError(p[0], p[1])).toList());
        }
        FrameworkVersion v = new FrameworkVersion();
        v.id = UUID.randomUUID();
        v.tenantId = callerContext.tenantId();
        v.code = code;
        v.version = version;
        v.title = framework.title();
        v.document = CaseDocuments.write(framework).toString();
        v.createdBy = actor();
        v.createdAt = Instant.now();
        em.persist(v);
        audit.record("publish", "framework", code + "@" + version, null);
        return framework;
    }

    private static CompetenceFramework parse(FrameworkVersion v) {
        try {
            return CaseDocuments.read(v.code, v.version, JSON.readTree(v.document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored framework " + v.code + "@" + v.version + " is unreadable", e);
        }
    }

    /** Who is acting, to stamp what they record (access is decided by the policies, not here). */
    private String actor() {
        return callerContext.subject();
    }
}
