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
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.session.domain.SubjectRecords;

@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Subject access: everything session-service holds about a client")
public class SubjectResource {
    @Inject
    SubjectRecords records;

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
                            schema = @Schema(implementation = SubjectExportViews.SubjectExport.class)))
    @APIResponse(responseCode = "404", description = ExportRequests.NO_SUCH_REQUEST)
    @APIResponse(responseCode = "409", description = ExportRequests.REQUEST_NOT_READY)
    @APIResponse(responseCode = "422", description = ExportRequests.REQUEST_MISSING)
    public SubjectExportViews.SubjectExport export(
            @PathParam("subject") @Size(max = Bounds.SUBJECT) String subject,
            @Parameter(required = true, description = ExportRequests.REQUEST_PARAMETER) @QueryParam("request")
                    UUID request) {
        return SubjectExportViews.of(records.export(subject, request));
    }
}
