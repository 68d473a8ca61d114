package org.praxis.session.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.platform.privacy.SubjectExports;
import org.praxis.platform.web.Bounds;
import org.praxis.session.api.ActionResource.ActionView;
import org.praxis.session.api.EngagementViews.EngagementView;
import org.praxis.session.api.GoalResource.ProgressView;
import org.praxis.session.api.NoteResource.NoteView;
import org.praxis.session.api.OutcomeResource.InstrumentOutcomeView;
import org.praxis.session.api.ProgressSummaryResource.ProgressSummaryView;
import org.praxis.session.api.ReviewResource.ReviewView;
import org.praxis.session.domain.BesideTherapy;
import org.praxis.session.domain.Goals;
import org.praxis.session.domain.Handovers;
import org.praxis.session.domain.SubjectRecords;

/** What a client's subject export shows of session-service's records ({@link SubjectResource}). */
public final class SubjectExportViews {
    private SubjectExportViews() {}

    public record GoalExport(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID engagementId,

            @Schema(required = true, maxLength = Bounds.NAME)
            String title,

            @Schema(required = true, maxLength = Bounds.CODE)
            String status,

            @Schema(required = true, maxItems = Goals.MAX_MILESTONES)
            List<GoalResource.MilestoneView> milestones) {}

    public record ContractExport(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID engagementId,

            @Schema(required = true, minimum = "1", maximum = EngagementViews.COUNT_MAX)
            int number,

            @Schema(required = true, maxLength = Bounds.TEXT)
            String purpose,

            @Schema(maxLength = Bounds.TEXT) String goalsInScope,
            @Schema(maxLength = Bounds.TEXT) String confidentialityTerms,
            @Schema(maxLength = Bounds.TEXT) String limitsOfConfidentiality,

            @Schema(description = "Null unless coaching runs beside therapy")
            BesideTherapy besideTherapy,

            @Schema(
                    required = true,
                    maxItems = ContractViews.PARTIES,
                    description = "Who is party, and who accepted when")
            List<ContractViews.PartyView> parties) {}

    /** Each list holds at most {@link SubjectExports#ROWS} rows, oldest first. */
    public record SubjectExport(
            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String subject,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<EngagementView> engagements,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<ContractExport> contracts,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<SessionView> sessions,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<NoteView> notes,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<GoalExport> goals,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<ProgressView> progress,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<ActionView> actions,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<ReviewView> reviews,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<ProgressSummaryView> progressSummaries,

            @Schema(
                    required = true,
                    maxItems = SubjectExports.ROWS,
                    description = "Per engagement and instrument, the baseline and latest score (issue 21)")
            List<ScoreExport> scores,

            @Schema(required = true, maxItems = SubjectExports.ROWS, description = "What sessions cost (issue 22)")
            List<ChargeResource.ChargeView> charges,

            @Schema(
                    required = true,
                    maxItems = SubjectExports.ROWS,
                    description = "The client's feedback on their sessions (issue 22)")
            List<FeedbackResource.FeedbackView> feedback,

            @Schema(
                    required = true,
                    maxItems = SubjectExports.ROWS,
                    description = "Therapy referrals that completed, coaching may follow (issue 22)")
            List<CompletedTherapyReferralExport> completedTherapyReferrals,

            @Schema(
                    required = true,
                    maxItems = SubjectExports.ROWS,
                    description = "What the client asked of their engagements: pause, end, another coach (issue 22)")
            List<ClientRequestResource.ClientRequestView> clientRequests,

            @Schema(
                    required = true,
                    maxItems = SubjectExports.ROWS,
                    description = "Who handed the client's engagements to whom, when, and the note about it (issue 22)")
            List<HandoverResource.HandoverView> handovers,

            @Schema(
                    required = true,
                    maxItems = SubjectExports.ROWS,
                    description = "Concerns a coach recorded for the client's safety")
            List<RiskConcernResource.RiskConcernView> riskConcerns,

            @Schema(
                    required = true,
                    maxItems = SubjectExports.ROWS,
                    description = "The measures the client's engagements plan")
            List<MonitoringViews.MonitoringPlanView> monitoringPlans,

            @Schema(
                    required = true,
                    maxItems = SubjectExports.ROWS,
                    description = "Each measure asked of the client, and when it was done")
            List<MonitoringMeasureResource.MonitoringMeasureView> monitoringMeasures) {}

    public record CompletedTherapyReferralExport(
            @Schema(required = true) UUID referralId,
            UUID intakeId,
            UUID engagementId,
            @Schema(maxLength = Bounds.SUBJECT) String practitionerId,

            @Schema(required = true, maxLength = Bounds.CODE)
            String serviceKind,

            @Schema(required = true) Instant completedAt) {}

    public record ScoreExport(
            @Schema(required = true) UUID engagementId,
            @Schema(required = true) InstrumentOutcomeView score) {}

    static SubjectExport of(SubjectRecords.Export e) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new SubjectExport(
                e.subject(),
                e.engagements().stream().map(EngagementView::of).toList(),
                e.contracts().stream()
                        .map(c -> new ContractExport(
                                c.id,
                                c.engagementId,
                                c.number,
                                c.purpose(),
                                c.goalsInScope(),
                                c.confidentialityTerms(),
                                c.limitsOfConfidentiality(),
                                c.besideTherapy(),
                                e.parties().stream()
                                        .filter(p -> p.contractId.equals(c.id))
                                        .map(ContractViews.PartyView::of)
                                        .toList()))
                        .toList(),
                e.sessions().stream().map(SessionView::of).toList(),
                e.notes().stream()
                        .map(n -> NoteView.of(
                                n,
                                e.addenda().stream()
                                        .filter(a -> a.noteId.equals(n.id))
                                        .toList()))
                        .toList(),
                e.goals().stream()
                        .map(g -> new GoalExport(
                                g.id,
                                g.engagementId,
                                g.title(),
                                g.status,
                                e.milestones().stream()
                                        .filter(m -> m.goalId.equals(g.id))
                                        .map(GoalResource.MilestoneView::of)
                                        .toList()))
                        .toList(),
                e.progress().stream().map(ProgressView::of).toList(),
                e.actions().stream().map(ActionView::of).toList(),
                e.reviews().stream()
                        .map(r -> ReviewView.of(r, true, e.judgements().get(r.id)))
                        .toList(),
                e.summaries().stream().map(ProgressSummaryView::of).toList(),
                e.scores().stream()
                        .map(s -> new ScoreExport(s.engagementId, InstrumentOutcomeView.of(s, true)))
                        .toList(),
                e.charges().stream().map(ChargeResource.ChargeView::of).toList(),
                e.feedback().stream().map(FeedbackResource.FeedbackView::of).toList(),
                e.completedTherapyReferrals().stream()
                        .map(r -> new CompletedTherapyReferralExport(
                                r.referralId,
                                r.intakeId,
                                r.engagementId,
                                r.practitionerId,
                                r.serviceKind,
                                r.completedAt))
                        .toList(),
                e.clientRequests().stream()
                        .map(ClientRequestResource.ClientRequestView::of)
                        .toList(),
                e.handovers().stream()
                        .map(h -> HandoverResource.HandoverView.of(new Handovers.Seen(h, true)))
                        .toList(),
                e.riskConcerns().stream()
                        .map(RiskConcernResource.RiskConcernView::of)
                        .toList(),
                e.monitoringPlans().stream()
                        .map(MonitoringViews.MonitoringPlanView::of)
                        .toList(),
                e.monitoringMeasures().stream()
                        .map(m -> MonitoringMeasureResource.MonitoringMeasureView.of(m, today))
                        .toList());
    }
}
