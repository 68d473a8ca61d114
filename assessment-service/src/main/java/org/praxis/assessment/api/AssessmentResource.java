package org.praxis.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.domain.Assessment;
import org.praxis.assessment.domain.Assessments;
import org.praxis.assessment.domain.CaseDocuments;
import org.praxis.assessment.domain.Rating;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;

@Path("/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Assessments",
        description = "Assessment cycles with self and assessor ratings, kept apart and never averaged")
public class AssessmentResource {
    @Inject
    Assessments assessments;

    public record AssessmentSummary(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String practitionerId,

            @Schema(required = true, maxLength = Bounds.CODE)
            String frameworkCode,

            @Schema(required = true, minimum = "1", maximum = AssessmentBounds.VERSION_MAX)
            int frameworkVersion,

            @Schema(required = true, maxLength = Bounds.CODE)
            String status,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String openedBy,

            @Schema(required = true) Instant openedAt,
            @Schema(maxLength = Bounds.SUBJECT) String completedBy,
            Instant completedAt) {
        static AssessmentSummary of(Assessment a) {
            return new AssessmentSummary(
                    a.id,
                    a.practitionerId,
                    a.frameworkCode,
                    a.frameworkVersion,
                    a.status,
                    a.openedBy,
                    a.openedAt,
                    a.completedBy,
                    a.completedAt);
        }
    }

    public record RatingView(
            @Schema(required = true, maxLength = Bounds.CODE)
            String level,

            @Schema(maxLength = AssessmentBounds.NOTE) String comment,

            @Schema(required = true, maxItems = AssessmentBounds.EVIDENCE_LINKS)
            List<UUID> evidenceIds,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String ratedBy,

            @Schema(required = true) Instant ratedAt) {
        static RatingView of(Rating r) {
            return r == null ? null : new RatingView(r.level, r.comment(), r.evidenceIds, r.ratedBy, r.ratedAt);
        }
    }

    /** {@code self} and {@code assessor}: null until that side has rated the competence. */
    public record RatingPair(
            @Schema(required = true, maxLength = CaseDocuments.MAX_CODE)
            String competenceCode,

            RatingView self,
            RatingView assessor) {}

    public record AssessmentView(
            @Schema(required = true) AssessmentSummary assessment,

            @Schema(required = true, maxItems = CaseDocuments.MAX_ITEMS)
            List<RatingPair> ratings) {}

    public record CompetenceRatingRequest(
            @NotBlank @Size(max = Bounds.CODE) String competenceCode,
            @NotBlank @Size(max = Bounds.CODE) String level,
            @Size(max = AssessmentBounds.NOTE) String comment,
            @Size(max = AssessmentBounds.EVIDENCE_LINKS) List<@NotNull UUID> evidenceIds) {}

    private AssessmentView view(Assessment a) {
        List<Rating> ratings = assessments.ratings(a);
        List<RatingPair> pairs = ratings.stream()
                .map(r -> r.competenceCode)
                .distinct()
                .map(code -> new RatingPair(
                        code,
                        RatingView.of(ratings.stream()
                                .filter(r -> r.competenceCode.equals(code) && Rating.SELF.equals(r.source))
                                .findFirst()
                                .orElse(null)),
                        RatingView.of(ratings.stream()
                                .filter(r -> r.competenceCode.equals(code) && Rating.ASSESSOR.equals(r.source))
                                .findFirst()
                                .orElse(null))))
                .toList();
        return new AssessmentView(AssessmentSummary.of(a), pairs);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "assessment:view")
    @Operation(operationId = "getAssessment", summary = "An assessment with self and assessor ratings side by side")
    @APIResponse(
            responseCode = "200",
            description = "The assessment; ETag is its version, which every rating and the completion move",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag")
    public Response get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Assessment a = assessments.readable(id);
        return ETags.okUnlessNotModified(ifNoneMatch, a.version, () -> view(a));
    }

    @POST
    @Path("{id}/self-ratings")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "assessment:rate-self")
    @Operation(
            operationId = "rateSelf",
            summary = "The practitioner rates one competence (replaces their earlier self rating while open)")
    @APIResponse(
            responseCode = "200",
            description = "Rated: the assessment with every rating",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "The assessment is completed")
    public AssessmentView rateSelf(@PathParam("id") UUID id, @Valid @NotNull CompetenceRatingRequest body) {
        assessments.rate(id, Rating.SELF, body.competenceCode(), body.level(), body.comment(), body.evidenceIds());
        return view(assessments.readable(id));
    }

    @POST
    @Path("{id}/assessor-ratings")
    @RolesAllowed(Roles.SUPERVISOR)
    @Extension(name = AccessMatrix.EXTENSION, value = "assessment:rate-as-assessor")
    @Operation(
            operationId = "rateAsAssessor",
            summary = "The practitioner's supervisor rates one competence as assessor")
    @APIResponse(
            responseCode = "200",
            description = "Rated: the assessment with every rating",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "The assessment is completed")
    public AssessmentView rateAsAssessor(@PathParam("id") UUID id, @Valid @NotNull CompetenceRatingRequest body) {
        assessments.rate(id, Rating.ASSESSOR, body.competenceCode(), body.level(), body.comment(), body.evidenceIds());
        return view(assessments.readable(id));
    }

    @POST
    @Path("{id}/completion")
    @RolesAllowed(Roles.SUPERVISOR)
    @Extension(name = AccessMatrix.EXTENSION, value = "assessment:complete")
    @Operation(
            operationId = "completeAssessment",
            summary = "The supervisor completes the cycle: ratings freeze, eligibility is recomputed")
    @APIResponse(
            responseCode = "200",
            description = "Completed; ETag is its new version",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "Already completed")
    public Response complete(@PathParam("id") UUID id) {
        Assessment a = assessments.complete(id);
        return ETags.ok(view(a), a.version);
    }
}
