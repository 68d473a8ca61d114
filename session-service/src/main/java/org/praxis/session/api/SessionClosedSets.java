package org.praxis.session.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.praxis.platform.web.ClosedSets;
import org.praxis.session.domain.ClientGoalJudgement;
import org.praxis.session.domain.ClientRequest;
import org.praxis.session.domain.CoachingSession;
import org.praxis.session.domain.CompletedTherapyReferral;
import org.praxis.session.domain.Contract;
import org.praxis.session.domain.ContractParty;
import org.praxis.session.domain.Engagement;
import org.praxis.session.domain.EngagementLifecycle;
import org.praxis.session.domain.Goal;
import org.praxis.session.domain.Handover;
import org.praxis.session.domain.MonitoringMeasure;
import org.praxis.session.domain.ProgressSummaryLifecycle;
import org.praxis.session.domain.Review;
import org.praxis.session.domain.RiskConcern;
import org.praxis.session.domain.ScoreTrajectory;
import org.praxis.session.domain.SessionCharge;
import org.praxis.session.domain.SessionNote;

/** session-service's closed sets as enums in its OpenAPI document, from the domain's lists. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SessionClosedSets implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new ClosedSets()
                .property("OpenEngagementRequest", "pathway", Engagement.PATHWAYS)
                .property("StartAfterTherapyRequest", "pathway", Engagement.PATHWAYS)
                .property("EngagementView", "pathway", Engagement.PATHWAYS)
                .property("EngagementView", "status", EngagementLifecycle.STATUSES)
                .property("StatusRequest", "status", EngagementLifecycle.STATUSES)
                .parameter("listEngagements", "status", EngagementLifecycle.STATUSES)
                .property("PartyRequest", "role", ContractParty.ROLES)
                .property("PartyView", "role", ContractParty.ROLES)
                .property("ProposeContractRequest", "packageChange", Contract.PACKAGE_CHANGES)
                .property("ContractView", "packageChange", Contract.PACKAGE_CHANGES)
                .property("GoalRequest", "horizon", Goal.HORIZONS)
                .property("GoalRequest", "orientation", Goal.ORIENTATIONS)
                .property("GoalRequest", "direction", Goal.DIRECTIONS)
                .property("GoalView", "horizon", Goal.HORIZONS)
                .property("GoalView", "orientation", Goal.ORIENTATIONS)
                .property("GoalView", "direction", Goal.DIRECTIONS)
                .property("GoalView", "status", Goal.STATUSES)
                .property("GoalExport", "status", Goal.STATUSES)
                .property("WriteNoteRequest", "kind", SessionNote.KINDS)
                .property("NoteSummary", "kind", SessionNote.KINDS)
                .property("NoteView", "kind", SessionNote.KINDS)
                .property("RiskConcernRequest", "level", RiskConcern.LEVELS)
                .property("RiskConcernView", "level", RiskConcern.LEVELS)
                .property("ScheduleRequest", "mode", CoachingSession.MODES)
                .property("ScheduleRequest", "model", CoachingSession.MODELS)
                .property("SessionView", "mode", CoachingSession.MODES)
                .property("SessionView", "model", CoachingSession.MODELS)
                .property("SessionView", "status", CoachingSession.STATUSES)
                .property("SessionView", "cancelledBy", CoachingSession.CANCELLERS)
                .property("OutcomeRequest", "status", CoachingSession.OUTCOMES)
                .property("ChargeView", "kind", SessionCharge.KINDS)
                .property("ReviewRequest", "kind", Review.KINDS)
                .property("ReviewView", "kind", Review.KINDS)
                .property("InstrumentOutcomeView", "classification", ScoreTrajectory.CLASSIFICATIONS)
                .property("CompletedTherapyReferralExport", "serviceKind", CompletedTherapyReferral.THERAPY_KINDS)
                .property("MonitoringMeasureView", "status", MonitoringMeasure.STATUSES)
                .parameter("listMonitoringMeasures", "status", MonitoringMeasure.STATUSES)
                .property("GoalJudgementRequest", "judgement", ClientGoalJudgement.JUDGEMENTS)
                .property("GoalJudgementView", "judgement", ClientGoalJudgement.JUDGEMENTS)
                .property("SummaryDecisionRequest", "decision", ProgressSummaryLifecycle.DECISIONS)
                .property("ProgressSummaryView", "status", ProgressSummaryLifecycle.STATUSES)
                .property("ClientRequestRequest", "kind", ClientRequest.KINDS)
                .property("ClientRequestView", "kind", ClientRequest.KINDS)
                .property("ClientRequestView", "status", ClientRequest.STATUSES)
                .property("ClientRequestDecision", "decision", ClientRequest.DECISIONS)
                .parameter("listClientRequests", "status", ClientRequest.STATUSES)
                .property("HandoverRequest", "reason", Handover.REASONS.subList(0, 3))
                .property("HandoverView", "reason", Handover.REASONS)
                .property("HandoverView", "status", Handover.STATUSES)
                .parameter("listAllHandovers", "status", Handover.STATUSES)
                .declareIn(openAPI);
    }
}
