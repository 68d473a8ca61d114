package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.Milestones;

/** A goal's milestones reached along the way ({@link GoalResource} records the goal with them). */
@Path("/v1/engagements/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goals", description = "Goals with their typology, progress the client rates, and action items")
public class MilestoneResource {
    @Inject
    Milestones milestones;

    public record MilestoneReachedRequest(@NotNull Boolean reached) {}

    @POST
    @Path("goals/{goalId}/milestones/{milestoneId}/reached")
    @RolesAllowed({Roles.CLIENT, Roles.COACH})
    @Extension(name = AccessMatrix.EXTENSION, value = "goal:mark-milestone")
    @Operation(
            operationId = "markMilestoneReached",
            summary = "Mark a milestone of the goal reached (or not reached again): the client or the practitioner")
    @APIResponse(
            responseCode = "200",
            description = "Marked; reachedAt is when it was first marked reached, null when not reached",
            content = @Content(schema = @Schema(implementation = GoalResource.MilestoneView.class)))
    @APIResponse(responseCode = "409", description = "The engagement is closed")
    public GoalResource.MilestoneView markReached(
            @PathParam("id") UUID id,
            @PathParam("goalId") UUID goalId,
            @PathParam("milestoneId") UUID milestoneId,
            @Valid @NotNull MilestoneReachedRequest request) {
        return GoalResource.MilestoneView.of(milestones.mark(id, goalId, milestoneId, request.reached()));
    }
}
