package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettings;
import org.praxis.platform.web.ETags;
import org.praxis.session.api.MonitoringViews.MonitoringScheduleRequest;
import org.praxis.session.api.MonitoringViews.MonitoringScheduleView;
import org.praxis.session.domain.MonitoringPolicies;
import org.praxis.session.domain.MonitoringSchedule;

@Path("/v1/admin/monitoring-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Monitoring", description = "Monitoring plans of engagements and the measures they make due")
public class MonitoringPolicyResource {
    @Inject
    MonitoringPolicies policies;

    public record MonitoringPolicyView(
            @Schema(required = true) MonitoringScheduleView policy,

            @Schema(required = true, minimum = "0", maximum = "9223372036854775807") @Min(0)
            long revision,

            @Schema(required = true) boolean defaults) {
        static MonitoringPolicyView of(TenantSettings.Current<MonitoringSchedule> c) {
            return new MonitoringPolicyView(MonitoringScheduleView.of(c.settings()), c.revision(), c.defaults());
        }
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "monitoring-policy:view")
    @Operation(
            operationId = "getMonitoringPolicy",
            summary = "The defaults of the tenant's new monitoring plans (built in until an admin replaces them)")
    @APIResponse(
            responseCode = "200",
            description = "The policy; ETag is its revision",
            content = @Content(schema = @Schema(implementation = MonitoringPolicyView.class)))
    public Response get() {
        TenantSettings.Current<MonitoringSchedule> current = policies.read();
        return ETags.ok(MonitoringPolicyView.of(current), current.revision());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "monitoring-policy:replace")
    @Operation(
            operationId = "replaceMonitoringPolicy",
            summary = "Replace the tenant's monitoring defaults (If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Replaced; plans drafted from now on start with it",
            content = @Content(schema = @Schema(implementation = MonitoringPolicyView.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response replace(
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull MonitoringScheduleRequest request) {
        TenantSettings.Current<MonitoringSchedule> current = policies.replace(request.toDomain(), ifMatch);
        return ETags.ok(MonitoringPolicyView.of(current), current.revision());
    }
}
