package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.ETags;
import org.praxis.session.api.MonitoringViews.MonitoringPlanRequest;
import org.praxis.session.api.MonitoringViews.MonitoringPlanView;
import org.praxis.session.domain.MonitoringPlan;
import org.praxis.session.domain.MonitoringPlans;

@Path("/v1/engagements/{id}/monitoring-plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Monitoring", description = "Monitoring plans of engagements and the measures they make due")
public class MonitoringPlanResource {
    @Inject
    MonitoringPlans plans;

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "monitoring-plan:view")
    @Operation(
            operationId = "getMonitoringPlan",
            summary =
                    "The engagement's monitoring plan (engagements on coaching-with-monitoring or integrated); ETag is its version")
    @APIResponse(
            responseCode = "200",
            description = "The plan",
            content = @Content(schema = @Schema(implementation = MonitoringPlanView.class)))
    public Response get(@PathParam("id") UUID id) {
        MonitoringPlan p = plans.readable(id);
        return ETags.ok(MonitoringPlanView.of(p), p.version);
    }

    @PUT
    @RolesAllowed(Roles.COACH)
    @Extension(name = AccessMatrix.EXTENSION, value = "monitoring-plan:edit")
    @Operation(
            operationId = "replaceMonitoringPlan",
            summary = "The practitioner replaces the plan (If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Replaced; measures already due stay",
            content = @Content(schema = @Schema(implementation = MonitoringPlanView.class)))
    @APIResponse(responseCode = "409", description = "The engagement is closed")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response replace(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull MonitoringPlanRequest request) {
        MonitoringPlan p = plans.replace(id, request.schedule(), request.until(), ifMatch);
        return ETags.ok(MonitoringPlanView.of(p), p.version);
    }
}
