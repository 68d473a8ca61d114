package org.praxis.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.api.IntakeViews.AssignmentView;
import org.praxis.intake.domain.Intakes;
import org.praxis.intake.domain.access.CallerAccess;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/** The signed-in caller: who they are, and a client's own items, for a mobile app that knows no ids. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The signed-in caller: who they are, and a client's own items")
public class MeResource {
    @Inject
    Intakes intakes;

    @Inject
    CallerContext callerContext;

    public record CallerView(
            @Schema(
                    required = true,
                    maxLength = Bounds.SUBJECT,
                    description = "The caller's OIDC subject: the id Praxis knows them by, e.g. an intake's"
                            + " clientSubject or assignedCoach")
            String subject,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String tenant,

            @Schema(required = true, maxItems = 5) List<String> roles) {}

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.SPONSOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "caller:view")
    @Operation(
            operationId = "getMe",
            summary = "Who the caller is: subject, tenant and roles. A platform learns a client's subject from the"
                    + " client's own app, which reads it here and passes it on (e.g. as clientSubject)")
    public CallerView me() {
        Caller caller = callerContext.caller();
        return new CallerView(caller.subject(), caller.tenantId(), CallerAccess.rolesOf(caller));
    }

    @GET
    @Path("assignments")
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "assignment:view-own")
    @Operation(
            operationId = "listMyAssignments",
            summary = "Instruments waiting for the signed-in client, soonest due first"
                    + " (those without a due date last)")
    public Page<AssignmentView> assignments(@BeanParam PageParams page) {
        return intakes.myOpenAssignments(page.request()).map(AssignmentView::of);
    }
}
