package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.session.domain.OrganisationOutcomeReport;
import org.praxis.session.domain.OrganisationOutcomes;

@Path("/v1/sponsor-outcome-report")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sponsor reports", description = "What sponsors may see: counts, never a person")
public class OrganisationReportResource {
    @Inject
    OrganisationOutcomes outcomes;

    @GET
    @RolesAllowed({Roles.SPONSOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "organisation-outcome-report:view")
    @Operation(
            operationId = "getSponsorOutcomeReport",
            summary = "An organisation's outcomes over the engagements whose contract allows aggregate disclosure:"
                    + " engagements, attendance, share reliably improved, goals met as clients judged them; no"
                    + " figures below the minimum group size; to its sponsor and admins (audited)")
    @APIResponse(
            responseCode = "200",
            description = "The report, or why it shows no figures",
            content = @Content(schema = @Schema(implementation = OrganisationOutcomeReport.class)))
    @APIResponse(responseCode = "404", description = "Not an organisation the caller sponsors")
    public OrganisationOutcomeReport report(
            @Parameter(required = true, description = "The sponsor organisation, as engagements name it")
                    @QueryParam("organisation")
                    @NotBlank
                    @Size(max = Bounds.NAME)
                    String organisation) {
        return outcomes.report(organisation);
    }
}
