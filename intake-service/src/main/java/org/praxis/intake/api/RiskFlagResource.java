package org.praxis.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.api.IntakeViews.MoveRiskFlagRequest;
import org.praxis.intake.api.IntakeViews.RiskFlagView;
import org.praxis.intake.domain.RiskFlag;
import org.praxis.intake.domain.RiskFlags;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

@Path("/v1/risk-flags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Risk flags", description = "Concerns about a person's safety, from raised to closed")
public class RiskFlagResource {
    @Inject
    RiskFlags riskFlags;

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "risk-flag:view")
    @Operation(
            operationId = "listRiskFlags",
            summary = "The risk-flag queue, optionally of one intake: every supervisor the tenant's flags not yet"
                    + " closed and the closed ones of the intakes they reach, coaches those of intakes assigned to"
                    + " them (audited)")
    public Page<RiskFlagView> queue(
            @QueryParam("status") @Size(max = Bounds.CODE) String status,
            @QueryParam("intakeId") @Parameter(description = "Only the flags of this intake") UUID intakeId,
            @BeanParam PageParams page) {
        return riskFlags.queue(page.request(), status, intakeId).map(f -> RiskFlagView.of(f, null));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "risk-flag:view")
    @Operation(operationId = "getRiskFlag", summary = "A risk flag with every step and note (audited)")
    @APIResponse(
            responseCode = "200",
            description = "The flag; ETag is its version",
            content = @Content(schema = @Schema(implementation = RiskFlagView.class)))
    public Response get(@PathParam("id") UUID id) {
        RiskFlag flag = riskFlags.read(id);
        return ETags.ok(RiskFlagView.of(flag, riskFlags.steps(id)), flag.version);
    }

    @POST
    @Path("{id}/transitions")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "risk-flag:move")
    @Operation(operationId = "moveRiskFlag", summary = "Move a flag to acknowledged, actioned or closed, with a note")
    @APIResponse(
            responseCode = "200",
            description = "Moved; risk-flag.status-changed is published",
            content = @Content(schema = @Schema(implementation = RiskFlagView.class)))
    @APIResponse(responseCode = "409", description = "Not a transition the lifecycle allows")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response move(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull MoveRiskFlagRequest request) {
        RiskFlag flag = riskFlags.move(id, ifMatch, request.status(), request.note());
        return ETags.ok(RiskFlagView.of(flag, riskFlags.steps(id)), flag.version);
    }
}
