package org.praxis.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.api.AssessmentResource.AssessmentSummary;
import org.praxis.assessment.api.AssessmentResource.RatingView;
import org.praxis.assessment.domain.CaseDocuments;
import org.praxis.assessment.domain.CompetenceProfile;
import org.praxis.assessment.domain.CompetenceProfiles;
import org.praxis.assessment.domain.Eligibility;
import org.praxis.assessment.domain.EligibilityRules;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;

/** What a practitioner's records add up to: the competence profile and eligibility, both computed in the domain. */
@Path("/v1/practitioners/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = PractitionerResource.TAG, description = PractitionerResource.TAG_DESCRIPTION)
public class ProfileResource {
    @Inject
    CompetenceProfiles profiles;

    @Inject
    Eligibility eligibility;

    /** {@code difference}: how many levels the assessor's rating lies above (positive) or below the self rating. */
    public record ProfileLine(
            @Schema(required = true, maxLength = CaseDocuments.MAX_CODE)
            String code,

            @Schema(required = true, maxLength = CaseDocuments.MAX_CODE)
            String type,

            @Schema(required = true, maxLength = CaseDocuments.MAX_STATEMENT)
            String title,

            RatingView self,
            RatingView assessor,
            @Schema(required = true) boolean gap,
            @Schema(minimum = "-3", maximum = "3") Integer difference) {}

    /** The development plan is its own list: {@code GET .../development-actions}. */
    public record CompetenceProfileView(
            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String practitionerId,

            @Schema(required = true, maxLength = Bounds.CODE)
            String frameworkCode,

            @Schema(required = true, minimum = "1", maximum = AssessmentBounds.VERSION_MAX)
            int frameworkVersion,

            AssessmentSummary assessment,

            @Schema(required = true, maxItems = CaseDocuments.MAX_ITEMS)
            List<ProfileLine> competences,

            @Schema(required = true, maxItems = CaseDocuments.MAX_ITEMS)
            List<@Size(max = CaseDocuments.MAX_CODE) String> gaps) {}

    public record RequirementView(
            @Schema(required = true, maxLength = Bounds.CODE)
            String eligibility,

            @Schema(required = true, maxLength = Bounds.CODE)
            String requirement,

            @Schema(required = true) boolean met,

            @Schema(required = true, maxLength = Bounds.NAME)
            String detail,

            @Schema(required = true, maxItems = CaseDocuments.MAX_ITEMS)
            List<@Size(max = CaseDocuments.MAX_CODE) String> missing) {
        static RequirementView of(EligibilityRules.Requirement r) {
            return new RequirementView(r.eligibility(), r.requirement(), r.met(), r.detail(), r.missing());
        }
    }

    public record EligibilityView(
            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String practitionerId,

            @Schema(required = true) LocalDate asOf,
            @Schema(required = true, maxItems = 2) List<@Size(max = Bounds.CODE) String> eligibilities,
            @Schema(required = true, maxItems = 10) List<RequirementView> requirements) {}

    @GET
    @Path("profile")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:view-competence-profile")
    @Operation(
            operationId = "getCompetenceProfile",
            summary =
                    "Self and assessor ratings side by side per competence (never averaged) and the gaps; the plan for them is listDevelopmentActions")
    public CompetenceProfileView profile(@PathParam("id") @Size(max = Bounds.SUBJECT) String id) {
        CompetenceProfile p = profiles.of(id);
        List<ProfileLine> lines = p.lines().stream()
                .map(l -> new ProfileLine(
                        l.competence().code(),
                        l.competence().type(),
                        l.competence().statement(),
                        RatingView.of(l.self()),
                        RatingView.of(l.assessor()),
                        l.gap(),
                        l.difference()))
                .toList();
        return new CompetenceProfileView(
                id,
                p.framework().code(),
                p.framework().version(),
                p.assessment() == null ? null : AssessmentSummary.of(p.assessment()),
                lines,
                p.gaps());
    }

    @GET
    @Path("eligibility")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:view-eligibility")
    @Operation(
            operationId = "getEligibility",
            summary = "What the practitioner is eligible for today, with every requirement met or missing")
    public EligibilityView eligibility(@PathParam("id") @Size(max = Bounds.SUBJECT) String id) {
        Eligibility.Standing s = eligibility.standing(id);
        return new EligibilityView(
                id,
                s.asOf(),
                s.result().eligibilities(),
                s.result().requirements().stream().map(RequirementView::of).toList());
    }
}
