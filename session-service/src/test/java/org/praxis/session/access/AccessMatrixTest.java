package org.praxis.session.access;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.session.domain.access.ActionItemPolicy;
import org.praxis.session.domain.access.AfterTherapySettingsPolicy;
import org.praxis.session.domain.access.ChargePolicy;
import org.praxis.session.domain.access.ClientRequestPolicy;
import org.praxis.session.domain.access.ContractPolicy;
import org.praxis.session.domain.access.EngagementPolicy;
import org.praxis.session.domain.access.FeedbackPolicy;
import org.praxis.session.domain.access.FeedbackTrendPolicy;
import org.praxis.session.domain.access.GoalPolicy;
import org.praxis.session.domain.access.HandoverPolicy;
import org.praxis.session.domain.access.MonitoringMeasurePolicy;
import org.praxis.session.domain.access.MonitoringPlanPolicy;
import org.praxis.session.domain.access.MonitoringSettingsPolicy;
import org.praxis.session.domain.access.NotePolicy;
import org.praxis.session.domain.access.OrganisationReportPolicy;
import org.praxis.session.domain.access.OutcomePolicy;
import org.praxis.session.domain.access.ProgressSummaryPolicy;
import org.praxis.session.domain.access.ReviewPolicy;
import org.praxis.session.domain.access.RiskConcernPolicy;
import org.praxis.session.domain.access.SessionPolicy;
import org.praxis.session.domain.access.SponsorReportPolicy;
import org.praxis.testsupport.AccessDocument;

/** Every /v1 operation names its guard, and docs/access.md says what the policies do (PRAXIS_DOCS_UPDATE=true (environment) rewrites it). */
@QuarkusTest
class AccessMatrixTest {
    @Test
    void theAccessMatrixIsCompleteAndCurrent() {
        AccessDocument.assertCompleteAndCurrent(new AccessMatrix(
                "session-service",
                List.of(
                        EngagementPolicy.RULES,
                        ContractPolicy.RULES,
                        SessionPolicy.RULES,
                        ChargePolicy.RULES,
                        NotePolicy.RULES,
                        RiskConcernPolicy.RULES,
                        ClientRequestPolicy.RULES,
                        HandoverPolicy.RULES,
                        GoalPolicy.RULES,
                        ActionItemPolicy.RULES,
                        ReviewPolicy.RULES,
                        ProgressSummaryPolicy.RULES,
                        SponsorReportPolicy.RULES,
                        OutcomePolicy.RULES,
                        MonitoringPlanPolicy.RULES,
                        MonitoringMeasurePolicy.RULES,
                        MonitoringSettingsPolicy.RULES,
                        AfterTherapySettingsPolicy.RULES,
                        OrganisationReportPolicy.RULES,
                        FeedbackPolicy.RULES,
                        FeedbackTrendPolicy.RULES))::verify);
    }
}
