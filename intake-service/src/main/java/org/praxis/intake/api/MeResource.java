package org.praxis.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.api.IntakeViews.AssignmentView;
import org.praxis.intake.domain.Intakes;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/** The signed-in client's own items, for a mobile app that knows no ids. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The signed-in client's own items")
public class MeResource {
    @Inject
    Intakes intakes;

    @GET
    @Path("assignments")
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "assignment:view")
    @Operation(
            operationId = "listMyAssignments",
            summary = "Instruments waiting for the signed-in client, soonest due first"
                    + " (those without a due date last)")
    public Page<AssignmentView> assignments(@BeanParam PageParams page) {
        return intakes.myOpenAssignments(page.request()).map(AssignmentView::of);
    }
}
