package org.praxis.assessment.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.praxis.assessment.domain.Assessment;
import org.praxis.assessment.domain.EligibilityRules;
import org.praxis.assessment.domain.Evidence;
import org.praxis.assessment.domain.Practitioner;
import org.praxis.assessment.domain.Rating;
import org.praxis.assessment.domain.RatingLevel;
import org.praxis.assessment.domain.Registration;
import org.praxis.platform.web.ClosedSets;

/** assessment-service's closed sets as enums in its OpenAPI document, from the domain's lists. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class AssessmentClosedSets implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new ClosedSets()
                .property("AssessmentSummary", "status", Assessment.STATUSES)
                .property("CompetenceRatingRequest", "level", RatingLevel.codes())
                .property("RatingView", "level", RatingLevel.codes())
                .property("RatingExport", "level", RatingLevel.codes())
                .property("RatingExport", "source", Rating.SOURCES)
                .property("EvidenceRequest", "kind", Evidence.KINDS)
                .property("EvidenceView", "kind", Evidence.KINDS)
                .property("EvidenceExport", "kind", Evidence.KINDS)
                .parameter("listEvidence", "kind", Evidence.KINDS)
                .property("RegistrationRequest", "kind", Registration.KINDS)
                .property("RegistrationView", "kind", Registration.KINDS)
                .property("ProfileRequest", "roles", Practitioner.ROLES)
                .property("PractitionerView", "roles", Practitioner.ROLES)
                .property("ProfileExport", "roles", Practitioner.ROLES)
                .property("EligibilityView", "eligibilities", EligibilityRules.ELIGIBILITIES)
                .property("RequirementView", "eligibility", EligibilityRules.ELIGIBILITIES)
                .property("RequirementView", "requirement", EligibilityRules.REQUIREMENTS)
                .declareIn(openAPI);
    }
}
