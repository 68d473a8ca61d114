package org.praxis.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.api.AssessmentResource.AssessmentSummary;
import org.praxis.assessment.api.DevelopmentPlanResource.ActionView;
import org.praxis.assessment.api.RegistrationResource.RegistrationView;
import org.praxis.assessment.api.SupervisionResource.SupervisionView;
import org.praxis.assessment.domain.CaseDocuments;
import org.praxis.assessment.domain.Eligibility;
import org.praxis.assessment.domain.PractiseRecords;
import org.praxis.assessment.domain.PractitionerOutcomes;
import org.praxis.assessment.domain.Practitioners;
import org.praxis.assessment.domain.SubjectRecords;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.privacy.ExportRequests;
import org.praxis.platform.privacy.SubjectExports;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;

@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Subject access: everything assessment-service holds about a practitioner")
public class SubjectResource {
    @Inject
    SubjectRecords records;

    @Inject
    Eligibility eligibility;

    public record ProfileExport(
            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String subject,

            @Schema(required = true, maxLength = Bounds.NAME)
            String displayName,

            @Schema(required = true, maxItems = Practitioners.MAX_ROLES)
            List<@Size(max = Bounds.CODE) String> roles,

            @Schema(maxLength = Bounds.SUBJECT) String supervisorId) {}

    public record EvidenceExport(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.CODE)
            String kind,

            @Schema(required = true) LocalDate occurredOn,
            @Schema(maxLength = AssessmentBounds.NOTE) String description,

            @Schema(required = true, maxItems = Bounds.LIST) List<@Size(max = Bounds.CODE) String> competences,

            @Schema(minimum = "1", maximum = "" + PractiseRecords.MAX_ENTRY_MINUTES)
            Integer minutes,

            @Schema(required = true, maxItems = AssessmentBounds.ATTACHMENTS)
            List<EvidenceResource.AttachmentView> attachments) {}

    public record RatingExport(
            @Schema(required = true) UUID assessmentId,

            @Schema(required = true, maxLength = CaseDocuments.MAX_CODE)
            String competenceCode,

            @Schema(required = true, maxLength = Bounds.CODE)
            String source,

            @Schema(required = true, maxLength = Bounds.CODE)
            String level,

            @Schema(maxLength = AssessmentBounds.NOTE) String comment) {}

    /** Counts only: engagements closed by an end review, and what they showed. */
    public record OutcomeTotals(
            @Schema(required = true, minimum = "0", maximum = "2147483647")
            int engagements,

            @Schema(required = true, minimum = "0", maximum = "2147483647")
            int measured,

            @Schema(required = true, minimum = "0", maximum = "2147483647")
            int reliablyImproved,

            @Schema(required = true, minimum = "0", maximum = "2147483647")
            int reliablyDeteriorated,

            @Schema(required = true, minimum = "0", maximum = "2147483647")
            int goals,

            @Schema(required = true, minimum = "0", maximum = "2147483647")
            int goalsMet,

            @Schema(required = true, minimum = "0", maximum = "2147483647")
            int sessionsHeld) {
        static OutcomeTotals of(PractitionerOutcomes.Totals t) {
            return new OutcomeTotals(
                    t.engagements(),
                    t.measured(),
                    t.reliablyImproved(),
                    t.reliablyDeteriorated(),
                    t.goals(),
                    t.goalsMet(),
                    t.sessionsHeld());
        }
    }

    /** Each list holds at most {@link SubjectExports#ROWS} rows, oldest first. */
    public record SubjectExport(
            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String subject,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<ProfileExport> profile,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<RegistrationView> registrations,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<EvidenceExport> evidence,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<SupervisionView> supervision,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<AssessmentSummary> assessments,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<RatingExport> ratings,

            @Schema(required = true, maxItems = SubjectExports.ROWS)
            List<ActionView> plan,

            @Schema(required = true, maxItems = 2, description = "What the practitioner was last published to hold")
            List<@Size(max = Bounds.CODE) String> eligibilities,

            @Schema(description = "Their clients' outcomes as counted for them; null when none was")
            OutcomeTotals outcomes,

            @Schema(required = true) ClientFeedbackResource.ClientFeedbackView clientFeedback) {}

    @GET
    @Path("{subject}/export")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "subject-export:export")
    @Operation(
            operationId = "exportSubject",
            summary = "Export everything held about a practitioner on a recorded export request (admin; audited)",
            description = ExportRequests.EXPORT_DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The practitioner's profile, registrations, evidence, supervision,"
                    + " assessments with their ratings, development plan, eligibility, outcome and feedback totals",
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
        LocalDate today = eligibility.today();
        return new SubjectExport(
                e.subject(),
                e.profile().stream()
                        .map(p -> new ProfileExport(p.subject, p.displayName(), p.roles, p.supervisorId))
                        .toList(),
                e.registrations().stream()
                        .map(r -> RegistrationView.of(r, today))
                        .toList(),
                e.evidence().stream()
                        .map(v -> new EvidenceExport(
                                v.id,
                                v.kind,
                                v.occurredOn,
                                v.description(),
                                v.competences,
                                v.minutes,
                                e.attachments().getOrDefault(v.id, List.of()).stream()
                                        .map(a -> new EvidenceResource.AttachmentView(a.url(), a.sha256))
                                        .toList()))
                        .toList(),
                e.supervision().stream().map(SupervisionView::of).toList(),
                e.assessments().stream().map(AssessmentSummary::of).toList(),
                e.ratings().stream()
                        .map(r -> new RatingExport(r.assessmentId, r.competenceCode, r.source, r.level, r.comment()))
                        .toList(),
                e.plan().stream().map(d -> ActionView.of(d, today)).toList(),
                e.eligibilities(),
                e.outcomes().map(OutcomeTotals::of).orElse(null),
                ClientFeedbackResource.ClientFeedbackView.of(e.clientFeedback()));
    }
}
