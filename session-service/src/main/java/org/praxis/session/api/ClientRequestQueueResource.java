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
import org.praxis.session.api.ClientRequestResource.ClientRequestView;
import org.praxis.session.domain.ClientRequests;

/** Client requests across engagements: the client's own, a supervisor's queue of their supervisees'. */
@Path("/v1/client-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Client requests", description = "The client asks to pause, end or change coach; a supervisor decides")
public class ClientRequestQueueResource {
    @Inject
    ClientRequests requests;

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "client-request:list")
    @Operation(
            operationId = "listClientRequests",
            summary = "The requests the caller sees, newest first: a client's own; a practitioner's engagements'"
                    + " pauses and ends; a supervisor's supervisees' (status=open: the queue to decide)")
    public Page<ClientRequestView> list(
            @QueryParam("status") @Size(max = Bounds.CODE) @Pattern(regexp = "open|granted|declined") String status,
            @BeanParam PageParams page) {
        return requests.list(status, page.request()).map(ClientRequestView::of);
    }
}
