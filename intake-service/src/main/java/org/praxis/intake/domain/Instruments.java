package org.praxis.intake.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.praxis.intake.domain.access.InstrumentPolicy;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;

/**
 * The built-in instruments and the tenant's own, by code (latest version unless one is named). A tenant's
 * definition is checked when published and parsed once when first used; a published version never changes.
 */
@ApplicationScoped
public class Instruments {
    /** A tenant's own instruments (codes, each with its versions): so the instrument list stays bounded. */
    public static final int TENANT_LIMIT = 100;
    /** The most instruments a tenant's list can hold. */
    public static final int MAX_LISTED = BuiltInInstruments.COUNT + TENANT_LIMIT;
    /** Parsed tenant versions kept in memory, least recently used dropped first. */
    private static final int PARSED_KEPT = 1_000;

    @Inject
    EntityManager em;

    @Inject
    CallerContext callerContext;

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Inject
    TenantQueries tenantQueries;

    private record Version(String tenantId, String code, int version) {}

    /** Only versions read back from the database go in, so a rolled-back publish is never served. */
    private final Map<Version, Instrument> parsed = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Version, Instrument> eldest) {
            return size() > PARSED_KEPT;
        }
    });

    /** The instrument's definition without code and version, which the store gives it. */
    public record Definition(
            String title,
            List<Instrument.Item> items,
            List<Instrument.Band> bands,
            List<Instrument.ItemFlag> itemFlags) {}

    public Instrument require(String code) {
        return find(code, null)
                .orElseThrow(() -> ProblemException.unprocessable(
                        "Unknown instrument " + code,
                        List.of(new Violation("instrument", "is neither built in nor defined by this tenant"))));
    }

    public Optional<Instrument> find(String code, Integer version) {
        Optional<Instrument> builtIn = BuiltInInstruments.byCode(code);
        if (builtIn.isPresent()) {
            return version == null || version == builtIn.get().version() ? builtIn : Optional.empty();
        }
        String tenantId = callerContext.tenantId();
        var query = em.createNativeQuery("select version from tenant_instrument where tenant_id = ?1 and code = ?2"
                        + (version == null ? "" : " and version = ?3") + " order by version desc limit 1")
                .setParameter(1, tenantId)
                .setParameter(2, code);
        if (version != null) {
            query.setParameter(3, version);
        }
        List<?> rows = query.getResultList();
        return rows.stream().findFirst().map(v -> parsed(new Version(tenantId, code, ((Number) v).intValue())));
    }

    public List<Instrument> all() {
        String tenantId = callerContext.tenantId();
        List<Instrument> all = new ArrayList<>(BuiltInInstruments.all());
        List<?> rows = em.createNativeQuery("select distinct on (code) code, version from tenant_instrument"
                        + " where tenant_id = ?1 order by code, version desc")
                .setParameter(1, tenantId)
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            all.add(parsed(new Version(tenantId, (String) r[0], ((Number) r[1]).intValue())));
        }
        return all;
    }

    private Instrument parsed(Version v) {
        Instrument known = parsed.get(v);
        if (known != null) {
            return known;
        }
        String definition = (String) em.createNativeQuery("select definition from tenant_instrument"
                        + " where tenant_id = ?1 and code = ?2 and version = ?3")
                .setParameter(1, v.tenantId())
                .setParameter(2, v.code())
                .setParameter(3, v.version())
                .getSingleResult();
        Instrument instrument = read(definition);
        parsed.putIfAbsent(v, instrument);
        return instrument;
    }

    /**
     * Publishes the next version of a tenant instrument; earlier versions stay as they were. Publishing is
     * serialised per tenant, so two at once neither take the same version nor pass the limit together.
     */
    @Transactional
    public Instrument publish(String code, Definition d) {
        new InstrumentPolicy().requireAllowed(callerContext.caller(), InstrumentPolicy.Action.PUBLISH);
        tenantQueries.serialise("tenant_instrument");
        Number latest = (Number) em.createNativeQuery("select coalesce(max(version), 0) from tenant_instrument"
                        + " where tenant_id = ?1 and code = ?2")
                .setParameter(1, callerContext.tenantId())
                .setParameter(2, code)
                .getSingleResult();
        if (latest.intValue() == 0 && ownCodes() >= TENANT_LIMIT) {
            throw ProblemException.unprocessable(
                    "This tenant has " + TENANT_LIMIT + " instruments of its own already",
                    List.of(new Violation(
                            "code",
                            "would be one more than the " + TENANT_LIMIT
                                    + " a tenant may define; publish a new version of one instead")));
        }
        int version = latest.intValue() + 1;
        Instrument instrument = new Instrument(
                code,
                version,
                d.title(),
                code + "/sum/" + version,
                d.items() == null ? List.of() : d.items(),
                d.bands() == null ? List.of() : d.bands(),
                d.itemFlags() == null ? List.of() : d.itemFlags(),
                null,
                Optional.empty());
        Violation.refuseAny(
                "The instrument cannot be scored as defined", InstrumentDefinitionRules.violations(instrument));
        em.createNativeQuery(
                        "insert into tenant_instrument (tenant_id, code, version, definition, created_by, created_at)"
                                + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, callerContext.tenantId())
                .setParameter(2, code)
                .setParameter(3, version)
                .setParameter(4, write(instrument))
                .setParameter(5, callerContext.subject())
                .setParameter(6, java.sql.Timestamp.from(Instant.now()))
                .executeUpdate();
        audit.record("publish", "instrument", code + "@" + version, null);
        return instrument;
    }

    private long ownCodes() {
        return ((Number) em.createNativeQuery("select count(distinct code) from tenant_instrument where tenant_id = ?1")
                        .setParameter(1, callerContext.tenantId())
                        .getSingleResult())
                .longValue();
    }

    private record Stored(
            String code,
            int version,
            String title,
            String scoringVersion,
            List<Instrument.Item> items,
            List<Instrument.Band> bands,
            List<Instrument.ItemFlag> itemFlags) {}

    private String write(Instrument i) {
        try {
            return json.writeValueAsString(new Stored(
                    i.code(), i.version(), i.title(), i.scoringVersion(), i.items(), i.bands(), i.itemFlags()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instrument read(String definition) {
        try {
            Stored s = json.readValue(definition, Stored.class);
            return new Instrument(
                    s.code(),
                    s.version(),
                    s.title(),
                    s.scoringVersion(),
                    s.items(),
                    s.bands(),
                    s.itemFlags(),
                    null,
                    Optional.empty());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored instrument unreadable", e);
        }
    }
}
