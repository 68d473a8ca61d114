package org.praxis.referral.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.praxis.platform.web.ClosedSets;
import org.praxis.referral.domain.ConsentRecord;
import org.praxis.referral.domain.Disclosure;
import org.praxis.referral.domain.ReasonCodes;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.ReferralLifecycle;
import org.praxis.referral.domain.ReferralLoop;
import org.praxis.referral.domain.RiskDrafts;
import org.praxis.referral.domain.ServiceKinds;
import org.praxis.referral.domain.Urgency;

/** referral-service's closed sets as enums in its OpenAPI document, from the domain's lists. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ReferralClosedSets implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        List<String> statuses = ReferralLifecycle.STATUSES;
        List<String> urgencies = Urgency.codes();
        List<String> kinds = ServiceKinds.ALL;
        List<String> reasons = ReasonCodes.ALL;
        List<String> disclosure = Disclosure.ITEMS;
        ClosedSets sets = new ClosedSets();
        for (String referral : List.of("ReferralView", "ReferralSummary")) {
            sets.property(referral, "status", statuses)
                    .property(referral, "urgency", urgencies)
                    .property(referral, "origin", Referral.ORIGINS)
                    .property(referral, "riskLevel", RiskDrafts.LEVELS)
                    .property(referral, "serviceKind", kinds)
                    .property(referral, "reasonCode", reasons);
        }
        for (String terms : List.of("OpenReferralRequest", "ReviseReferralRequest")) {
            sets.property(terms, "urgency", urgencies)
                    .property(terms, "reasonCode", reasons)
                    .property(terms, "disclose", disclosure);
        }
        for (String service : List.of("ServiceView", "DirectoryServiceRequest", "ServiceSummary")) {
            sets.property(service, "kind", kinds);
        }
        sets.property("ReferralView", "disclose", disclosure)
                .property("ClientReferralView", "status", statuses)
                .property("ClientReferralView", "urgency", urgencies)
                .property("ClientReferralView", "reasonCode", reasons)
                .property("ClientReferralView", "proposedDisclosure", disclosure)
                .property("ClientReferralView", "riskLevel", RiskDrafts.LEVELS)
                .property("ApprovedTermsView", "urgency", urgencies)
                .property("ApprovedTermsView", "disclose", disclosure)
                .property("StepView", "status", statuses)
                .property("ConsentView", "decision", ConsentRecord.DECISIONS)
                .property("ConsentView", "proposed", disclosure)
                .property("ConsentView", "shares", disclosure)
                .property("ConsentDecisionRequest", "shares", disclosure)
                .property("AnswerRequest", "outcome", ReferralLoop.OUTCOMES)
                .property("FhirServiceRequest", "status", FhirServiceRequest.STATUSES)
                .property("FhirServiceRequest", "priority", fhirPriorities())
                .property("FhirContactPoint", "system", FhirServiceRequest.ContactPoint.SYSTEMS)
                .parameter("listReferrals", "status", statuses)
                .parameter("listReferrals", "urgency", urgencies)
                .parameter("listReferrals", "origin", Referral.ORIGINS)
                .parameter("searchServices", "kind", kinds)
                .declareIn(openAPI);
    }

    private static List<String> fhirPriorities() {
        return Arrays.stream(Urgency.values()).map(Urgency::fhirPriority).toList();
    }
}
