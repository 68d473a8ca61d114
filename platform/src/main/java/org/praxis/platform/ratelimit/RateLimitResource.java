package org.praxis.platform.ratelimit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettings;
import org.praxis.platform.web.ETags;

/** The tenant's budgets of calls to this service (see {@link RateLimiting}), for its admins. */
@Path("/v1/admin/rate-limits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rate limits", description = "The tenant's budgets of calls to this service, per client and in all")
public class RateLimitResource {
    /** A budget beyond this is no budget. */
    static final long MAX_LIMIT = 1_000_000_000L;

    @Inject
    TenantQuotas quotas;

    @Inject
    PraxisConfig config;

    public record RateLimitsRequest(
            @NotNull @Min(1) @Max(MAX_LIMIT) Long clientLimit,
            @NotNull @Min(1) @Max(MAX_LIMIT) Long tenantLimit) {}

    public record RateLimitsView(
            @Schema(
                    required = true,
                    description = "Calls per window of one client (tenant, client application and person)",
                    minimum = "1",
                    maximum = "1000000000")
            long clientLimit,

            @Schema(
                    required = true,
                    description = "Calls per window of all the tenant's clients",
                    minimum = "1",
                    maximum = "1000000000")
            long tenantLimit,

            @Schema(
                    required = true,
                    description = "The window in seconds (the same for every tenant)",
                    minimum = "1",
                    maximum = "86400")
            long windowSeconds,

            @Schema(required = true, minimum = "0", maximum = "9223372036854775807")
            long revision,

            @Schema(required = true) boolean defaults) {}

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "rate-limits:view")
    @Operation(
            operationId = "getRateLimits",
            summary = "The tenant's budgets of calls (defaults until an admin sets them)")
    @APIResponse(
            responseCode = "200",
            description = "The budgets; ETag is their revision",
            content = @Content(schema = @Schema(implementation = RateLimitsView.class)))
    public Response get() {
        return view(quotas.current());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "rate-limits:replace")
    @Operation(operationId = "replaceRateLimits", summary = "Replace the tenant's budgets of calls (If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new budgets apply at once",
            content = @Content(schema = @Schema(implementation = RateLimitsView.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response replace(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull RateLimitsRequest body) {
        return view(quotas.replace(new RateLimitSettings(body.clientLimit(), body.tenantLimit()), ifMatch));
    }

    private Response view(TenantSettings.Current<RateLimitSettings> c) {
        return ETags.ok(
                new RateLimitsView(
                        c.settings().clientLimit(),
                        c.settings().tenantLimit(),
                        config.rateLimit().window().toSeconds(),
                        c.revision(),
                        c.defaults()),
                c.revision());
    }
}
