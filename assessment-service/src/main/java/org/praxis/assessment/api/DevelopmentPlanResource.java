package org.praxis.assessment.api;

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
import jakarta.ws.rs.QueryParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.domain.DevelopmentAction;
import org.praxis.assessment.domain.DevelopmentPlans;
import org.praxis.assessment.domain.Eligibility;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/** A practitioner's development plan: actions for their gaps. */
@Path("/v1/practitioners/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = PractitionerResource.TAG, description = PractitionerResource.TAG_DESCRIPTION)
public class DevelopmentPlanResource {
    @Inject
    DevelopmentPlans plans;

    @Inject
    Eligibility eligibility;

    @Inject
    IdempotencyKeys idempotency;

    public record DevelopmentActionRequest(
            @NotBlank @Size(max = Bounds.CODE) String competenceCode,
            @NotBlank @Size(max = Bounds.REASON) String action,
            @NotNull LocalDate dueOn) {}

    /** {@code doneAt}: null while the action is open. */
    public record ActionView(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.CODE)
            String competenceCode,

            @Schema(required = true, maxLength = Bounds.REASON)
            String action,

            @Schema(required = true) LocalDate dueOn,
            Instant doneAt,
            @Schema(required = true) boolean overdue) {
        static ActionView of(DevelopmentAction d, LocalDate today) {
            return new ActionView(d.id, d.competenceCode, d.action(), d.dueOn, d.doneAt, d.isOverdueOn(today));
        }
    }

    @POST
    @Path("development-actions")
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "development-action:create")
    @Operation(operationId = "addDevelopmentAction", summary = "Add an action for a gap to the development plan")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    public Response plan(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull DevelopmentActionRequest body) {
        return idempotency.once(key, "add-development-action " + id, body, () -> {
            DevelopmentAction d = plans.plan(id, body.competenceCode(), body.action(), body.dueOn());
            return Response.created(URI.create("/v1/practitioners/" + id + "/development-actions/" + d.id))
                    .entity(ActionView.of(d, eligibility.today()))
                    .build();
        });
    }

    @GET
    @Path("development-actions")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "development-action:view")
    @Operation(
            operationId = "listDevelopmentActions",
            summary = "The development plan, newest action first (the practitioner or their supervisor)")
    public Page<ActionView> developmentActions(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id,
            @Parameter(description = "true: only actions done; false: only those still open") @QueryParam("done")
                    Boolean done,
            @BeanParam PageParams page) {
        LocalDate today = eligibility.today();
        return plans.plan(id, page.request(), done).map(d -> ActionView.of(d, today));
    }

    @POST
    @Path("development-actions/{actionId}/completion")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "development-action:complete")
    @Operation(operationId = "completeDevelopmentAction", summary = "Mark a development action done; audited")
    @APIResponse(
            responseCode = "200",
            description = "Done: when is recorded",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "409", description = "Already done")
    public ActionView done(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id, @PathParam("actionId") UUID actionId) {
        return ActionView.of(plans.markDone(id, actionId), eligibility.today());
    }
}
