package org.praxis.intake.api;

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
import org.praxis.intake.api.IntakeViews.AssignmentView;
import org.praxis.intake.api.IntakeViews.ClientPreferenceView;
import org.praxis.intake.api.IntakeViews.DecisionView;
import org.praxis.intake.api.IntakeViews.IntakeDetail;
import org.praxis.intake.api.IntakeViews.RiskFlagStepView;
import org.praxis.intake.api.IntakeViews.RiskFlagView;
import org.praxis.intake.domain.EngagementDraft;
import org.praxis.intake.domain.Pathway;
import org.praxis.intake.domain.SubjectRecords;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.privacy.ExportRequests;
import org.praxis.platform.privacy.SubjectExports;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;

@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Subject access: everything intake holds about a person")
public class SubjectResource {
    @Inject
    SubjectRecords records;

    /** A screening with its answers as stored: a JSON object of item link id to answer. */
    public record ScreeningExport(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID intakeId,

            @Schema(required = true, maxLength = Bounds.CODE)
            String instrument,

            @Schema(required = true, minimum = "1", maximum = IntakeViews.COUNT_MAX)
            int instrumentVersion,

            @Schema(required = true, maxLength = Bounds.CODE)
            String scoringVersion,

            @Schema(maxLength = Bounds.TEXT) String answers,

            @Schema(required = true, minimum = "0", maximum = IntakeViews.TOTAL_MAX)
            int total,

            @Schema(required = true, maxLength = Bounds.CODE)
            String severity,

            @Schema(minimum = "0", maximum = "100") Integer percent,
            @Schema(required = true) Instant scoredAt) {}

    /** Each list holds at most {@link SubjectExports#ROWS} rows, oldest first. */
    public record SubjectExport(
            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String subject,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<IntakeDetail> intakes,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<AssignmentView> assignments,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<ScreeningExport> screenings,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<RiskFlagView> riskFlags,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<RiskFlagStepView> riskFlagSteps,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<DecisionView> decisions,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<ClientPreferenceView> clientPreferences,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<SuitabilityCheckResource.SuitabilityCheckView> suitabilityChecks) {}

    @GET
    @Path("{subject}/export")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "subject-export:export")
    @Operation(
            operationId = "exportSubject",
            summary = "Export everything held about a person on a recorded export request (admin; audited)",
            description = ExportRequests.EXPORT_DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The person's intakes, assignments, screenings with answers, risk"
                    + " flags with their steps, and decisions",
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
                e.intakes().stream().map(IntakeDetail::of).toList(),
                e.assignments().stream().map(AssignmentView::of).toList(),
                e.screenings().stream()
                        .map(s -> new ScreeningExport(
                                s.id,
                                s.intakeId,
                                s.instrumentCode,
                                s.instrumentVersion,
                                s.scoringVersion,
                                s.answers(),
                                s.total,
                                s.severity,
                                s.percent,
                                s.scoredAt))
                        .toList(),
                e.riskFlags().stream().map(f -> RiskFlagView.of(f, null)).toList(),
                e.riskFlagSteps().stream().map(RiskFlagStepView::of).toList(),
                e.decisions().stream()
                        .map(d -> DecisionView.of(
                                d, EngagementDraft.of(Pathway.of(d.pathway), e.subject(), d.practitionerId), null))
                        .toList(),
                e.clientPreferences().stream().map(ClientPreferenceView::of).toList(),
                e.suitabilityChecks().stream()
                        .map(SuitabilityCheckResource.SuitabilityCheckView::of)
                        .toList());
    }
}
