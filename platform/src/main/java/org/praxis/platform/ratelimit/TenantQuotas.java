package org.praxis.platform.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.settings.TenantSettings;

/**
 * The budgets that apply to a tenant: the configured defaults until its admin sets its own
 * ({@code /v1/admin/rate-limits}). Each replica reads a tenant's at most every {@link #FRESH}, so a
 * change reaches the other replicas within that time (this one at once).
 */
@ApplicationScoped
public class TenantQuotas {
    static final Duration FRESH = Duration.ofSeconds(30);

    @Inject
    PraxisConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    TenantSettings settings;

    @Inject
    CallerContext callerContext;

    private record Read(RateLimitSettings settings, long atNanos) {}

    private final Map<String, Read> read = new ConcurrentHashMap<>();

    TenantSettings.Kind<RateLimitSettings, TenantRateLimits> kind() {
        return new TenantSettings.Kind<>(
                "rate-limits",
                TenantRateLimits.class,
                TenantRateLimits::new,
                new RateLimitSettings(
                        config.rateLimit().clientLimit(), config.rateLimit().tenantLimit()));
    }

    /** The client budget first, then the tenant's. */
    public List<Quota> of(String tenantId) {
        Read known = read.get(tenantId);
        if (known == null || System.nanoTime() - known.atNanos() > FRESH.toNanos()) {
            known = new Read(stored(tenantId), System.nanoTime());
            read.put(tenantId, known);
        }
        Duration window = config.rateLimit().window();
        return List.of(
                new Quota("client", known.settings().clientLimit(), window),
                new Quota("tenant", known.settings().tenantLimit(), window));
    }

    /** The caller's tenant's budgets and their revision (the ETag), for its admin. */
    public TenantSettings.Current<RateLimitSettings> current() {
        new RateLimitPolicy().requireAllowed(callerContext.caller(), RateLimitPolicy.Action.VIEW);
        return settings.current(kind());
    }

    /** Replaces the caller's tenant's budgets (If-Match, audited); this replica applies them at once. */
    @Transactional
    public TenantSettings.Current<RateLimitSettings> replace(RateLimitSettings budgets, String ifMatch) {
        new RateLimitPolicy().requireAllowed(callerContext.caller(), RateLimitPolicy.Action.REPLACE);
        TenantSettings.Current<RateLimitSettings> replaced = settings.replace(kind(), budgets, ifMatch);
        read.remove(callerContext.tenantId());
        return replaced;
    }

    // Plain JDBC: read on the request's way in, before and outside the operation's persistence context.
    private RateLimitSettings stored(String tenantId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select client_limit, tenant_limit from tenant_rate_limits where tenant_id = ?")) {
            s.setString(1, tenantId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new RateLimitSettings(rs.getLong(1), rs.getLong(2)) : kind().defaults();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
