package org.praxis.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.api.IntakeViews.AssignmentView;
import org.praxis.intake.domain.Assignment;
import org.praxis.intake.domain.MonitoringAssignments;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/** Instruments sent to the clients of the intakes a practitioner reaches: which are open, done or overdue. */
@Path("/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = IntakeResource.TAG, description = IntakeResource.TAG_DESCRIPTION)
public class AssignmentResource {
    @Inject
    MonitoringAssignments assignments;

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "assignment:view")
    @Operation(
            operationId = "listAssignments",
            summary = "Instruments sent to clients, soonest due first (undated last): a coach those of the intakes"
                    + " assigned to them, a supervisor those of the intakes they reach; status=overdue lists the open ones due before"
                    + " today (UTC), e.g. monitoring measures not filled in")
    public Page<AssignmentView> list(
            @QueryParam("status") @Size(max = Bounds.CODE) @Pattern(regexp = Assignment.LIST_FILTER_PATTERN)
                    String status,
            @QueryParam("intakeId") @Parameter(description = "Only those of this intake") UUID intakeId,
            @BeanParam PageParams page) {
        return assignments.list(page.request(), status, intakeId).map(AssignmentView::of);
    }
}
