package org.praxis.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
import org.praxis.referral.api.ReferralViews.ConsentView;
import org.praxis.referral.api.ReferralViews.ReferralView;
import org.praxis.referral.api.ReferralViews.StepView;
import org.praxis.referral.api.SelfHelpResource.OfferView;
import org.praxis.referral.domain.AnswerDeadlines;
import org.praxis.referral.domain.SubjectRecords;

@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Subject access: everything referral-service holds about a person")
public class SubjectResource {
    @Inject
    SubjectRecords records;

    /** Each list holds at most {@link SubjectExports#ROWS} rows, oldest first. */
    public record SubjectExport(
            @NotNull @Schema(maxLength = Bounds.SUBJECT) String subject,
            @NotNull @Schema(maxItems = SubjectExports.ROWS) List<ReferralView> referrals,
            @NotNull @Schema(maxItems = SubjectExports.ROWS) List<ConsentView> consents,
            @NotNull @Schema(maxItems = SubjectExports.ROWS) List<StepView> steps,
            @NotNull @Schema(maxItems = SubjectExports.ROWS) List<OfferView> selfHelp) {}

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
            description = "The person's referrals, consents, referral steps and self-help offers",
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
                e.referrals().stream()
                        .map(r -> ReferralView.of(r, null, AnswerDeadlines.defaults()))
                        .toList(),
                e.consents().stream().map(ConsentView::of).toList(),
                e.steps().stream().map(StepView::of).toList(),
                e.selfHelp().stream().map(o -> OfferView.of(o, null)).toList());
    }
}
