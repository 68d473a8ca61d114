package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.privacy.ExportRequests;
import org.praxis.platform.privacy.SubjectExports;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.session.api.ActionResource.ActionView;
import org.praxis.session.api.EngagementViews.EngagementView;
import org.praxis.session.api.GoalResource.ProgressView;
import org.praxis.session.api.NoteResource.NoteView;
import org.praxis.session.api.OutcomeResource.InstrumentOutcomeView;
import org.praxis.session.api.ProgressSummaryResource.ProgressSummaryView;
import org.praxis.session.api.ReviewResource.ReviewView;
import org.praxis.session.domain.BesideTherapy;
import org.praxis.session.domain.Handovers;
import org.praxis.session.domain.SubjectRecords;

@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Subject access: everything session-service holds about a client")
public class SubjectResource {
    @Inject
    SubjectRecords records;

    public record GoalExport(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID engagementId,

            @Schema(required = true, maxLength = Bounds.NAME)
            String title,

            @Schema(required = true, maxLength = Bounds.CODE)
            String status) {}

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
            BesideTherapy besideTherapy) {}

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
            List<HandoverResource.HandoverView> handovers) {}

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

    @GET
    @Path("{subject}/export")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "subject-export:export")
    @Operation(
            operationId = "exportSubject",
            summary = "Export everything held about a client on a recorded export request (admin; audited)",
            description = ExportRequests.EXPORT_DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The client's engagements, contract versions, sessions, notes, goals"
                    + " with their ratings, actions and reviews",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubjectExport.class)))
    @APIResponse(responseCode = "404", description = ExportRequests.NO_SUCH_REQUEST)
    @APIResponse(responseCode = "409", description = ExportRequests.REQUEST_NOT_READY)
    @APIResponse(responseCode = "422", description = ExportRequests.REQUEST_MISSING)
    public SubjectExport export(
            @PathParam("subject") @Size(max = Bounds.SUBJECT) String subject,
            @Parameter(required = true, description = ExportRequests.REQUEST_PARAMETER) @QueryParam("request")
                    UUID request) {
        SubjectRecords.Export e = records.export(subject, request);
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
                                c.besideTherapy()))
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
                        .map(g -> new GoalExport(g.id, g.engagementId, g.title(), g.status))
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
                        .toList());
    }
}
