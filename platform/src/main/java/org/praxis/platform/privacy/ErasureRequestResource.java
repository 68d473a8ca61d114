package org.praxis.platform.privacy;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/**
 * Erasure requests, served only by the erasure coordinator ({@value ErasureRequests#SWITCH}, a build-time
 * setting): in every other service this resource is not built, so its paths answer 404 and are not in the
 * OpenAPI document.
 */
@IfBuildProperty(name = ErasureRequests.SWITCH, stringValue = "true")
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class ErasureRequestResource {
    @Inject
    ErasureRequests requests;

    public record CreateErasureRequest(
            @NotBlank @Size(max = Bounds.SUBJECT) String subject,
            @NotBlank @Size(max = Bounds.REASON) String reason,
            @Size(max = Bounds.NAME) String reference) {}

    /** The name of a kind of record a service counted, for the OpenAPI document. */
    @Schema(name = "ErasedRecordKind", type = SchemaType.STRING, minLength = 1, maxLength = Bounds.CODE)
    interface RecordKind {}

    /** A count, for the OpenAPI document. */
    @Schema(
            name = "ErasedRecordCount",
            type = SchemaType.INTEGER,
            format = "int32",
            minimum = "0",
            maximum = "2147483647")
    interface Count {}

    public record ServiceConfirmationView(
            @Schema(required = true, maxLength = Bounds.NAME)
            String service,

            @Schema(description = "When the service confirmed; null while it has not")
            Instant confirmedAt,

            @Schema(
                    description = "What the service counted as erased or kept under a"
                            + " pseudonym, as its subject.erased event says, e.g. {\"intakes\": 2}",
                    maxProperties = ErasureConfirmationHandler.MAX_RECORD_KINDS,
                    propertyNames = RecordKind.class,
                    additionalProperties = Count.class)
            Map<String, Integer> records) {
        static ServiceConfirmationView of(ErasureRequests.Confirmation c) {
            return new ServiceConfirmationView(c.service(), c.confirmedAt(), c.records());
        }
    }

    public record ErasureRequestView(
            @Schema(required = true) UUID id,

            @Schema(maxLength = Bounds.SUBJECT, description = "The person; null once complete")
            String subject,

            @Schema(
                    required = true,
                    maxLength = Bounds.CODE,
                    description = "How the services' retained records" + " name the person from now on")
            String pseudonym,

            @Schema(required = true, maxLength = Bounds.REASON)
            String reason,

            @Schema(maxLength = Bounds.NAME) String reference,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String requestedBy,

            @Schema(required = true) Instant requestedAt,

            @Schema(
                    required = true,
                    enumeration = {ErasureRequests.IN_PROGRESS, ErasureRequests.COMPLETE})
            String state,

            @Schema(required = true, maxItems = Bounds.LIST, description = "Every service expected to confirm")
            List<ServiceConfirmationView> services,

            Instant completedAt) {
        static ErasureRequestView of(ErasureRequests.ErasureRequest r) {
            return new ErasureRequestView(
                    r.id(),
                    r.subject(),
                    r.pseudonym(),
                    r.reason(),
                    r.reference(),
                    r.requestedBy(),
                    r.requestedAt(),
                    r.state(),
                    r.services().stream().map(ServiceConfirmationView::of).toList(),
                    r.completedAt());
        }
    }

    @POST
    @Path("/erasure-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "erasure-request:request")
    @Operation(
            operationId = "requestErasure",
            summary = "Start erasing a person from every service (admin; audited)",
            description = "Records who asks to erase whom, why and with which reference, and publishes"
                    + " subject.erasure-requested to every service; follow it with GET /v1/erasure-requests/{id} until"
                    + " every service has confirmed. While an erasure of the person is in progress, a second request"
                    + " starts nothing and returns that one (200).")
    @APIResponse(
            responseCode = "202",
            description = "Started; the services erase and confirm asynchronously",
            content = @Content(schema = @Schema(implementation = ErasureRequestView.class)))
    @APIResponse(
            responseCode = "200",
            description = "An erasure of this person was in progress already: that one",
            content = @Content(schema = @Schema(implementation = ErasureRequestView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The erasure of this person in progress completed at that moment; ask again")
    // No Idempotency-Key: its replay record would keep the person's identifier (sealed) for a day after the
    // erasure completed. One erasure in progress per person makes a retry safe instead.
    public Response request(@Valid @NotNull CreateErasureRequest body) {
        ErasureRequests.Started s = requests.request(body.subject(), body.reason(), body.reference());
        return Response.status(s.started() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(URI.create("/v1/erasure-requests/" + s.request().id()))
                .entity(ErasureRequestView.of(s.request()))
                .build();
    }

    @GET
    @Path("/erasure-requests")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "erasure-request:list")
    @Operation(operationId = "listErasureRequests", summary = "List the tenant's erasure requests, newest first")
    @APIResponse(responseCode = "200", description = "A page of erasure requests")
    public Page<ErasureRequestView> list(@BeanParam PageParams params) {
        Page<ErasureRequests.ErasureRequest> page = requests.list(params.request());
        return new Page<>(page.items().stream().map(ErasureRequestView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/erasure-requests/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "erasure-request:list")
    @Operation(operationId = "getErasureRequest", summary = "Read one erasure request and which services confirmed it")
    @APIResponse(responseCode = "200", description = "The erasure request")
    public ErasureRequestView get(@PathParam("id") UUID id) {
        return ErasureRequestView.of(requests.find(id));
    }
}
