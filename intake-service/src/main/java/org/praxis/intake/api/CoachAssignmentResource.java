package org.praxis.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.api.IntakeViews.IntakeDetail;
import org.praxis.intake.domain.Decisions;
import org.praxis.intake.domain.Intake;
import org.praxis.intake.domain.Intakes;
import org.praxis.intake.domain.Pathway;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/** The triage queue and who coaches an intake: a supervisor assigns, a coach may claim. */
@Path("/v1/intakes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = IntakeResource.TAG, description = IntakeResource.TAG_DESCRIPTION)
public class CoachAssignmentResource {
    @Inject
    Intakes intakes;

    @Inject
    Decisions decisions;

    public record CoachAssignmentRequest(
            @NotBlank @Size(max = Bounds.SUBJECT) String coach) {}

    /** What a coach may see of an intake before it is theirs: no names, concerns, outcomes or answers. */
    public record TriageCard(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.CODE)
            String status,

            @Schema(required = true) Instant createdAt,
            @Schema(required = true) boolean openRiskFlags,
            Pathway recommendedPathway) {
        static TriageCard of(Decisions.Waiting w) {
            return new TriageCard(
                    w.intake().id, w.intake().status, w.intake().createdAt, w.openRiskFlags(), w.recommendedPathway());
        }
    }

    @GET
    @Path("triage-queue")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:view-triage-card")
    @Operation(
            operationId = "listTriageQueue",
            summary = "Intakes waiting for a coach, as triage cards (no names, concerns or answers):"
                    + " every supervisor; coaches only where the tenant lets them claim")
    public Page<TriageCard> triageQueue(@BeanParam PageParams page) {
        return decisions.triageQueue(page.request()).map(TriageCard::of);
    }

    @POST
    @Path("{id}/coach-assignment")
    @RolesAllowed(Roles.SUPERVISOR)
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:assign-coach")
    @Operation(
            operationId = "assignCoach",
            summary =
                    "Assign (or reassign) the intake's coach (a supervisor of its coach, any supervisor while no coach holds it; If-Match optional; audited)")
    @APIResponse(
            responseCode = "200",
            description = "Assigned; ETag is the intake's new version",
            content = @Content(schema = @Schema(implementation = IntakeDetail.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response assignCoach(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CoachAssignmentRequest request) {
        Intake intake = intakes.assignCoach(id, request.coach(), ifMatch);
        return ETags.ok(IntakeDetail.of(intake), intake.version);
    }

    @POST
    @Path("{id}/claim")
    @RolesAllowed(Roles.COACH)
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:claim")
    @Operation(
            operationId = "claimIntake",
            summary = "Claim an intake waiting for a coach, where the tenant's triage policy allows it (audited)")
    @APIResponse(
            responseCode = "200",
            description = "Claimed: the intake is assigned to the caller",
            content = @Content(schema = @Schema(implementation = IntakeDetail.class)))
    public Response claim(@PathParam("id") UUID id) {
        Intake intake = intakes.claim(id);
        return ETags.ok(IntakeDetail.of(intake), intake.version);
    }
}
