package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.session.domain.ActionItem;
import org.praxis.session.domain.EngagementLimits;
import org.praxis.session.domain.Goals;

/** An engagement's action items (homework), each optionally towards one of its goals. */
@Path("/v1/engagements/{id}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Goals", description = "Goals with their typology, progress the client rates, and action items")
public class ActionResource {
    @Inject
    Goals goals;

    @Inject
    IdempotencyKeys idempotency;

    public record ActionRequest(
            @NotBlank @Size(max = Bounds.NAME) String title, LocalDate dueDate, UUID goalId) {}

    /** {@code done} must be sent: a body without it ({@code {}}, a misspelt name) would otherwise undo the action. */
    public record DoneRequest(
            @NotNull @Schema(required = true) Boolean done) {}

    public record ActionView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID engagementId,
            UUID goalId,

            @Schema(required = true, maxLength = Bounds.NAME)
            String title,

            LocalDate dueDate,
            @Schema(required = true) boolean done,
            Instant doneAt) {
        static ActionView of(ActionItem a) {
            return new ActionView(a.id, a.engagementId, a.goalId, a.title(), a.dueDate, a.done, a.doneAt);
        }
    }

    @POST
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "action-item:add")
    @Operation(operationId = "addAction", summary = "Add an action item (homework) with a due date")
    @APIResponse(
            responseCode = "201",
            description = "Added; it is listed with the engagement's action items",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The engagement is closed, or holds " + EngagementLimits.ACTIONS + " actions already")
    public Response add(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull ActionRequest request) {
        return idempotency.once(
                key,
                "add-action " + id,
                request,
                () -> Response.created(URI.create("/v1/engagements/" + id + "/actions"))
                        .entity(ActionView.of(
                                goals.addAction(id, request.goalId(), request.title(), request.dueDate())))
                        .build());
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "action-item:list")
    @Operation(operationId = "listActions", summary = "The engagement's action items, soonest due first (undated last)")
    public Page<ActionView> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return goals.actions(id, page.request()).map(ActionView::of);
    }

    @POST
    @Path("{actionId}/done")
    @RolesAllowed({Roles.CLIENT, Roles.COACH})
    @Extension(name = AccessMatrix.EXTENSION, value = "action-item:mark-done")
    @Operation(operationId = "markActionDone", summary = "Mark an action item done (or not done)")
    @APIResponse(
            responseCode = "200",
            description = "Marked",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "409", description = "The engagement is closed")
    public ActionView done(
            @PathParam("id") UUID id, @PathParam("actionId") UUID actionId, @Valid @NotNull DoneRequest request) {
        return ActionView.of(goals.markDone(id, actionId, request.done()));
    }
}
