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
import org.praxis.intake.domain.Pathway;
import org.praxis.intake.domain.SuitabilityCheck;
import org.praxis.intake.domain.SuitabilityChecks;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/** Suitability re-checks during an engagement (issue 22): the recomputed recommendation and the conclusion. */
@Path("/v1/intakes/{id}/suitability-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = IntakeResource.TAG, description = IntakeResource.TAG_DESCRIPTION)
public class SuitabilityCheckResource {
    @Inject
    SuitabilityChecks checks;

    @Inject
    IdempotencyKeys idempotency;

    @Schema(examples = {"{\"conclusion\": \"refer\", \"note\": \"Mood has dropped; we agreed to ask a GP\"}"})
    public record SuitabilityCheckRequest(
            @NotBlank
            @Size(max = Bounds.CODE)
            @Schema(required = true, description = "continue, refer, end or change-pathway")
            String conclusion,

            @Size(max = Bounds.REASON) String note) {}

    public record SuitabilityCheckView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID intakeId,
            @Schema(required = true) Pathway decidedPathway,

            @Schema(required = true, description = "The triage recommendation recomputed when the check was made")
            Pathway recomputedPathway,

            @Schema(required = true, maxLength = Bounds.CODE)
            String conclusion,

            @Schema(maxLength = Bounds.REASON) String note,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String checkedBy,

            @Schema(required = true) Instant checkedAt) {
        static SuitabilityCheckView of(SuitabilityCheck c) {
            return new SuitabilityCheckView(
                    c.id,
                    c.intakeId,
                    Pathway.of(c.decidedPathway),
                    Pathway.of(c.recomputedPathway),
                    c.conclusion,
                    c.note(),
                    c.checkedBy,
                    c.checkedAt);
        }
    }

    @POST
    @Transactional // the idempotency key is claimed in the check's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:recheck-suitability")
    @Operation(
            operationId = "recheckSuitability",
            summary = "Re-check suitability on a decided intake: the recommendation recomputed now beside the"
                    + " decided pathway, and the practitioner's conclusion (audited)")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = SuitabilityCheckView.class)))
    @APIResponse(responseCode = "409", description = "The pathway is not decided yet")
    public Response recheck(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull SuitabilityCheckRequest request) {
        return idempotency.once(key, "recheck-suitability " + id, request, () -> {
            SuitabilityCheck c = checks.record(id, request.conclusion(), request.note());
            return Response.created(URI.create("/v1/intakes/" + id + "/suitability-checks"))
                    .entity(SuitabilityCheckView.of(c))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:view-suitability-checks")
    @Operation(operationId = "listSuitabilityChecks", summary = "The intake's suitability re-checks, newest first")
    public Page<SuitabilityCheckView> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return checks.ofIntake(id, page.request()).map(SuitabilityCheckView::of);
    }
}
