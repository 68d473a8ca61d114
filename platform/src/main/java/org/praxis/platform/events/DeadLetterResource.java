package org.praxis.platform.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/** The replay tool of docs/runbook.md: the tenant's dead-lettered events of this service, and putting one back. */
@Path("/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters")
public class DeadLetterResource {
    @Inject
    DeadLetters deadLetters;

    @Inject
    CallerContext callerContext;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "dead-letter:list")
    @Operation(
            operationId = "listDeadLetters",
            summary = "List this service's dead-lettered events of the caller's tenant, newest first")
    @APIResponse(responseCode = "200", description = "Dead letters with their error, origin and state")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin of a tenant")
    @APIResponse(responseCode = "422", description = "limit out of range")
    public Page<DeadLetter> list(@QueryParam("limit") @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit) {
        // The newest page only, no cursor: dead letters are read back from Kafka, not kept in a table to page through.
        List<DeadLetter> items =
                deadLetters.list(callerContext.tenantId(), limit == null ? PageRequest.DEFAULT_LIMIT : limit);
        return new Page<>(items, null);
    }

    @POST
    @Path("/{eventId}/replay")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "dead-letter:replay")
    @Operation(
            operationId = "replayDeadLetter",
            summary = "Put a dead-lettered event back on its topic once its cause is fixed (audited)")
    @APIResponse(responseCode = "200", description = "The event, sent back; its consumer applies it once")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin of a tenant")
    @APIResponse(responseCode = "404", description = "No such dead letter in the caller's tenant")
    public DeadLetter replay(
            @PathParam("eventId") @Size(max = 36) @Pattern(regexp = "[0-9a-fA-F-]{36}") String eventId) {
        return deadLetters.replay(callerContext.tenantId(), eventId);
    }
}
