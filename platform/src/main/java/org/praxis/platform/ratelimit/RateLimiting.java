package org.praxis.platform.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.problem.Problem;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;

/**
 * Every authenticated API call takes one call from its client's budget and then from its tenant's
 * ({@link Budgets}); over either it is answered 429 with {@code Retry-After} before the operation runs,
 * so nothing changes. Every answer to such a call carries {@code RateLimit-Policy} and {@code RateLimit}
 * (draft-ietf-httpapi-ratelimit-headers). Unauthenticated calls fail at authentication and are not
 * counted; {@code /q/*} (health, metrics, OpenAPI) is not JAX-RS and never reaches this filter.
 */
public class RateLimiting {
    private static final Logger LOG = Logger.getLogger(RateLimiting.class);
    private static final String ANSWER = RateLimiting.class.getName();

    @Inject
    SecurityIdentity identity;

    @Inject
    CallerContext callerContext;

    @Inject
    Budgets budgets;

    @Inject
    TenantQuotas quotas;

    @Inject
    PraxisConfig config;

    /** What the budgets said: the policy items and the remaining items of the headers. */
    record Answer(String policy, String remaining) {}

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request) {
        if (!config.rateLimit().enabled()) {
            return null;
        }
        Caller caller = signedIn();
        if (caller == null) {
            return null;
        }
        Quota client;
        Quota tenant;
        ConsumptionProbe byClient;
        ConsumptionProbe byTenant = null;
        try {
            List<Quota> budgetsOfCaller = quotas.of(caller.tenantId());
            client = budgetsOfCaller.get(0);
            tenant = budgetsOfCaller.get(1);
            byClient = budgets.take(clientKey(caller), client);
            // A client over its own budget takes nothing from its tenant's.
            if (byClient.isConsumed()) {
                byTenant = budgets.take("t:" + caller.tenantId(), tenant);
            }
        } catch (RuntimeException e) {
            // The budgets' database is away: the call goes on (it will most likely fail there too).
            LOG.warnf("Rate limits not applied: %s", e.toString());
            return null;
        }
        List<String> remaining = new ArrayList<>();
        remaining.add(client.remaining(byClient.getRemainingTokens(), byClient.getNanosToWaitForReset()));
        if (byTenant != null) {
            remaining.add(tenant.remaining(byTenant.getRemainingTokens(), byTenant.getNanosToWaitForReset()));
        }
        request.setProperty(ANSWER, new Answer(client.policy() + ", " + tenant.policy(), String.join(", ", remaining)));
        ConsumptionProbe refused = !byClient.isConsumed() ? byClient : byTenant.isConsumed() ? null : byTenant;
        if (refused == null) {
            return null;
        }
        Quota over = refused == byClient ? client : tenant;
        long retryAfter = Math.max(1, Quota.seconds(refused.getNanosToWaitForRefill()));
        Problem problem = Problem.of(
                        429,
                        "rate-limited",
                        "Too many requests",
                        "The " + over.name() + "'s budget of " + over.limit() + " calls per "
                                + over.window().toSeconds() + " s is used up; retry after " + retryAfter + " s.")
                .withInstance(request.getUriInfo().getPath());
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", retryAfter)
                .entity(problem)
                .build();
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ANSWER) instanceof Answer answer) {
            response.getHeaders().putSingle("RateLimit-Policy", answer.policy());
            response.getHeaders().putSingle("RateLimit", answer.remaining());
        }
    }

    /** The signed-in caller with a tenant, or null: such calls are refused by authentication anyway. */
    private Caller signedIn() {
        try {
            return identity.isAnonymous() ? null : callerContext.caller();
        } catch (SecurityException | ProblemException e) {
            return null;
        }
    }

    /**
     * One person through one client application: a user of the shared mobile client cannot use up the
     * others' budget, and a platform's service account (its own {@code azp}) has its own. Hashed, so the
     * buckets name no person (an erasure has nothing to find there).
     */
    private String clientKey(Caller caller) {
        Object azp = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("azp") : null;
        String who = caller.tenantId() + "\n"
                + (azp == null ? "" : azp.toString().replace("\"", "")) + "\n" + caller.subject();
        try {
            return "c:"
                    + HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256").digest(who.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
