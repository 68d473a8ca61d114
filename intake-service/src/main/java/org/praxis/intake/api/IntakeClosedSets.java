package org.praxis.intake.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.praxis.intake.domain.Assignment;
import org.praxis.intake.domain.ClientPreference;
import org.praxis.intake.domain.Intake;
import org.praxis.intake.domain.ReliableChange;
import org.praxis.intake.domain.RiskFlag;
import org.praxis.intake.domain.RiskFlagLifecycle;
import org.praxis.intake.domain.SuitabilityCheck;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.web.ClosedSets;

/**
 * intake-service's closed sets as enums in its OpenAPI document, from the domain's lists. Pathways are a
 * Java enum and documented as one already.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class IntakeClosedSets implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new ClosedSets()
                .property("RiskFlagView", "status", RiskFlagLifecycle.STATUSES)
                .property("RiskFlagStepView", "status", RiskFlagLifecycle.STATUSES)
                .property("RiskFlagSummary", "status", RiskFlagLifecycle.STATUSES)
                .property("MoveRiskFlagRequest", "status", RiskFlagLifecycle.STATUSES)
                .parameter("listRiskFlags", "status", RiskFlagLifecycle.STATUSES)
                .property("CallerView", "roles", AccessRules.ROLES)
                .property("IntakeSummary", "status", Intake.STATUSES)
                .property("IntakeDetail", "status", Intake.STATUSES)
                .property("TriageCard", "status", Intake.STATUSES)
                .parameter("listIntakes", "status", Intake.STATUSES)
                .property("AssignmentView", "status", Assignment.STATUSES)
                .parameter("listAssignments", "status", Assignment.LIST_FILTERS)
                .property("RiskFlagView", "level", RiskFlag.LEVELS)
                .property("RiskFlagSummary", "level", RiskFlag.LEVELS)
                .property("RaiseRiskFlagRequest", "level", RiskFlag.LEVELS)
                .property("ItemFlag", "level", RiskFlag.LEVELS)
                .property("RiskFlagView", "source", RiskFlag.SOURCES)
                .property("TrajectoryView", "classification", ReliableChange.CODES)
                .property("PreferenceRequest", "preference", ClientPreference.OPTIONS)
                .property("ClientPreferenceView", "preference", ClientPreference.OPTIONS)
                .property("SuitabilityCheckRequest", "conclusion", SuitabilityCheck.CONCLUSIONS)
                .property("SuitabilityCheckView", "conclusion", SuitabilityCheck.CONCLUSIONS)
                .declareIn(openAPI);
    }
}
