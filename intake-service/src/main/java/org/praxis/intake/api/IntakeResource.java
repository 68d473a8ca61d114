package org.praxis.intake.api;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.api.IntakeViews.IntakeDetail;
import org.praxis.intake.domain.Intake;
import org.praxis.intake.domain.Intakes;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/** Opening, listing and reading intakes; their sub-resources have their own resources under the same path. */
@Path("/v1/intakes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = IntakeResource.TAG, description = IntakeResource.TAG_DESCRIPTION)
public class IntakeResource {
    static final String TAG = "Intakes";
    static final String TAG_DESCRIPTION = "A person's request for coaching, its screenings and the pathway decision";

    @Inject
    Intakes intakes;

    @Inject
    IdempotencyKeys idempotency;

    // The example lives on the schema: generators ignore a request body's own example, with a warning.
    @Schema(
            examples = {
                "{\"clientSubject\": \"8c1f6c3e-3b7a-4c55-9d0e-5d1f0a2b7e11\", \"displayName\": \"Alex\","
                        + " \"presentingConcerns\": \"Stress at work since a reorganisation\","
                        + " \"hopedForOutcomes\": \"A calmer way of leading the team\","
                        + " \"sponsorOrganisation\": \"acme-hr\"}"
            })
    public record CreateIntakeRequest(
            @Size(max = Bounds.SUBJECT)
            @Schema(
                    description = "The client's OIDC subject, which their own app reads from GET /v1/me; a client"
                            + " opening their own intake leaves it out, and so does a coach for a person with no"
                            + " account yet (no engagement is drafted for such an intake)")
            String clientSubject,

            @NotBlank @Size(max = Bounds.NAME) String displayName,
            @Size(max = Bounds.TEXT) String presentingConcerns,
            @Size(max = Bounds.TEXT) String hopedForOutcomes,
            @Size(max = Bounds.NAME) String sponsorOrganisation,
            @Size(max = Bounds.SUBJECT) String assignedCoach) {}

    /** The list view leaves out the free text; {@link IntakeDetail} has it. */
    public record IntakeSummary(
            @Schema(required = true) UUID id,
            @Schema(maxLength = Bounds.SUBJECT) String clientSubject,

            @Schema(required = true, maxLength = Bounds.NAME)
            String displayName,

            @Schema(maxLength = Bounds.NAME) String sponsorOrganisation,
            @Schema(maxLength = Bounds.SUBJECT) String assignedCoach,

            @Schema(required = true, maxLength = Bounds.CODE)
            String status,

            @Schema(required = true) Instant createdAt) {
        static IntakeSummary of(Intake i) {
            return new IntakeSummary(
                    i.id,
                    i.clientSubject,
                    i.displayName(),
                    i.sponsorOrganisation,
                    i.assignedCoach,
                    i.status,
                    i.createdAt);
        }
    }

    @POST
    @Transactional // the idempotency key is claimed in the open's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:open")
    @Operation(operationId = "openIntake", summary = "Open an intake (a client may open one for themselves)")
    @APIResponse(
            responseCode = "201",
            description = "Opened",
            content = @Content(schema = @Schema(implementation = IntakeDetail.class)))
    public Response open(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull CreateIntakeRequest request) {
        return idempotency.once(key, "open-intake", request, () -> {
            Intake intake = intakes.open(new Intakes.NewIntake(
                    request.clientSubject(),
                    request.displayName(),
                    request.presentingConcerns(),
                    request.hopedForOutcomes(),
                    request.sponsorOrganisation(),
                    request.assignedCoach()));
            return Response.created(URI.create("/v1/intakes/" + intake.id))
                    .entity(IntakeDetail.of(intake))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:view")
    @Operation(
            operationId = "listIntakes",
            summary = "List the intakes the caller may see, newest first: a client their own, a coach those assigned to"
                    + " them, a supervisor those of the coaches they supervise and those assigned to nobody")
    public Page<IntakeSummary> list(
            @QueryParam("status") @Size(max = Bounds.CODE) String status,
            @QueryParam("assignedCoach") @Size(max = Bounds.SUBJECT) String assignedCoach,
            @BeanParam PageParams page) {
        return intakes.list(page.request(), status, assignedCoach).map(IntakeSummary::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:view")
    @Operation(
            operationId = "getIntake",
            summary =
                    "Read an intake with its presenting concerns: its client, its assigned coach, that coach's supervisor (audited)")
    @APIResponse(
            responseCode = "200",
            description = "The intake; ETag is its version",
            content = @Content(schema = @Schema(implementation = IntakeDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag")
    public Response get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Intake intake = intakes.readWithDetails(id);
        return ETags.okUnlessNotModified(ifNoneMatch, intake.version, () -> IntakeDetail.of(intake));
    }
}
