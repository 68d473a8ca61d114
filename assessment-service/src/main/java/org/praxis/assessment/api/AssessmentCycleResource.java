package org.praxis.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.api.AssessmentResource.AssessmentSummary;
import org.praxis.assessment.domain.Assessment;
import org.praxis.assessment.domain.Assessments;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/** A practitioner's assessment cycles: opening one and the list; each cycle itself is {@link AssessmentResource}. */
@Path("/v1/practitioners/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = PractitionerResource.TAG, description = PractitionerResource.TAG_DESCRIPTION)
public class AssessmentCycleResource {
    @Inject
    Assessments assessments;

    @Inject
    IdempotencyKeys idempotency;

    public record OpenAssessmentRequest(
            @Size(max = Bounds.CODE) String frameworkCode,
            @Min(1) @Max(Integer.MAX_VALUE) Integer frameworkVersion) {}

    @POST
    @Path("assessments")
    @Transactional // the idempotency key is claimed in the open's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "assessment:open")
    @Operation(
            operationId = "openAssessment",
            summary = "Open an assessment cycle against a framework version (the current one by default)")
    @APIResponse(
            responseCode = "201",
            description = "Opened",
            content = @Content(schema = @Schema(implementation = AssessmentSummary.class)))
    @APIResponse(responseCode = "409", description = "An assessment of the practitioner is open: complete it first")
    public Response openAssessment(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid OpenAssessmentRequest body) {
        return idempotency.once(key, "open-assessment " + id, body, () -> {
            Assessment a = assessments.open(
                    id, body == null ? null : body.frameworkCode(), body == null ? null : body.frameworkVersion());
            return ETags.created(URI.create("/v1/assessments/" + a.id), AssessmentSummary.of(a), a.version);
        });
    }

    @GET
    @Path("assessments")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "assessment:view")
    @Operation(operationId = "listAssessments", summary = "The practitioner's assessment cycles, newest first")
    public Page<AssessmentSummary> assessments(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id, @BeanParam PageParams page) {
        return assessments.list(id, page.request()).map(AssessmentSummary::of);
    }
}
