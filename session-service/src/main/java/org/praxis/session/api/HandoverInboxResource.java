package org.praxis.session.api;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.session.api.HandoverResource.HandoverView;
import org.praxis.session.domain.Handovers;

/** Handovers across engagements: a coach finds the offers naming them here (they reach no engagement before). */
@Path("/v1/handovers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Handovers", description = "An engagement handed to another coach, who accepts or declines")
public class HandoverInboxResource {
    @Inject
    Handovers handovers;

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "handover:list")
    @Operation(
            operationId = "listAllHandovers",
            summary = "The handovers the caller sees, newest first (status=offered: a coach's offers to answer)")
    public Page<HandoverView> list(
            @QueryParam("status") @Size(max = Bounds.CODE) @Pattern(regexp = "offered|accepted|declined|withdrawn")
                    String status,
            @BeanParam PageParams page) {
        return handovers.list(null, status, page.request()).map(HandoverView::of);
    }
}
