package org.praxis.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.referral.domain.Directory;
import org.praxis.referral.domain.DirectoryService;
import org.praxis.referral.domain.ServiceKinds;

/** The directory's services (after Open Referral HSDS), searched by kind, text, area, language and intake. */
@Path("/v1/directory/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Directory", description = "Organisations and services the tenant refers to (after Open Referral HSDS)")
public class DirectoryServiceResource {
    @Inject
    Directory directory;

    @Inject
    IdempotencyKeys idempotency;

    private static final int AREAS = 50;
    private static final int LANGUAGES = 20;

    public record DirectoryServiceRequest(
            @NotNull UUID organisationId,
            @NotBlank @Size(max = Bounds.NAME) String name,
            @Size(max = Bounds.REASON) String description,
            @NotBlank @Size(max = Bounds.CODE) String kind,
            @Size(max = Bounds.REASON) String eligibility,
            @Size(max = AREAS) List<@NotBlank @Size(max = Bounds.NAME) String> areasServed,
            @Size(max = LANGUAGES) List<@NotBlank @Size(max = Bounds.CODE) String> languages,
            @Email @Size(max = Bounds.NAME) String email,
            @Size(max = DirectoryOrganisationResource.PHONE) String phone,
            @Size(max = Bounds.URI) String website,
            @Size(max = Bounds.REASON) String howToRefer,
            @Size(max = Bounds.NAME) String practitionerName,
            @Size(max = Bounds.NAME) String professionalRegistration,
            @NotNull Boolean acceptingReferrals) {
        Directory.ServiceDetails details() {
            return new Directory.ServiceDetails(
                    organisationId,
                    name,
                    description,
                    kind,
                    eligibility,
                    areasServed,
                    languages,
                    email,
                    phone,
                    website,
                    howToRefer,
                    practitionerName,
                    professionalRegistration,
                    acceptingReferrals);
        }
    }

    public record ServiceView(
            @NotNull UUID id,
            @NotNull UUID organisationId,
            @NotNull @Schema(maxLength = Bounds.NAME) String name,
            @Schema(maxLength = Bounds.REASON) String description,
            @NotNull @Schema(maxLength = Bounds.CODE) String kind,
            @Schema(maxLength = Bounds.REASON) String eligibility,
            @NotNull @Schema(maxItems = AREAS) List<@Size(max = Bounds.NAME) String> areasServed,
            @NotNull @Schema(maxItems = LANGUAGES) List<@Size(max = Bounds.CODE) String> languages,
            @Schema(maxLength = Bounds.NAME) String email,

            @Schema(maxLength = DirectoryOrganisationResource.PHONE)
            String phone,

            @Schema(maxLength = Bounds.URI) String website,
            @Schema(maxLength = Bounds.REASON) String howToRefer,
            @Schema(maxLength = Bounds.NAME) String practitionerName,
            @Schema(maxLength = Bounds.NAME) String professionalRegistration,
            @NotNull boolean acceptingReferrals,
            @NotNull Instant createdAt,

            @NotNull @Schema(minimum = "0", maximum = ReferralViews.COUNT_MAX)
            long version) {
        static ServiceView of(DirectoryService s) {
            return new ServiceView(
                    s.id,
                    s.organisationId,
                    s.name,
                    s.description,
                    s.kind,
                    s.eligibility,
                    s.areasServed,
                    s.languages,
                    s.email,
                    s.phone,
                    s.website,
                    s.howToRefer,
                    s.practitionerName,
                    s.professionalRegistration,
                    s.acceptingReferrals,
                    s.createdAt,
                    s.version);
        }
    }

    @POST
    @Transactional // the idempotency key is claimed in the addition's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "directory-entry:create")
    @Operation(operationId = "addService", summary = "Add a service to the directory (admin)")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = ServiceView.class)))
    public Response addService(
            @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull DirectoryServiceRequest body) {
        return idempotency.once(key, "add-service", body, () -> {
            DirectoryService s = directory.addService(body.details());
            return ETags.created(URI.create("/v1/directory/services/" + s.id), ServiceView.of(s), s.version);
        });
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "directory-entry:list")
    @Operation(
            operationId = "searchServices",
            summary = "Search services by kind, text, area served, language and whether they accept referrals")
    public Page<ServiceView> services(
            @QueryParam("kind") @Size(max = Bounds.CODE) String kind,
            @QueryParam("q") @Size(max = Bounds.NAME) String q,
            @QueryParam("area") @Size(max = Bounds.NAME) String area,
            @QueryParam("language") @Size(max = Bounds.CODE) String language,
            @QueryParam("accepting") Boolean accepting,
            @BeanParam PageParams page) {
        if (kind != null && !ServiceKinds.ALL.contains(kind)) {
            throw ProblemException.badRequest("kind must be one of " + String.join(", ", ServiceKinds.ALL));
        }
        return directory
                .services(page.request(), new Directory.Search(kind, q, area, language, accepting))
                .map(ServiceView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "directory-entry:view")
    @Operation(operationId = "getService", summary = "One service; ETag is its version")
    @APIResponse(
            responseCode = "200",
            description = "The service",
            content = @Content(schema = @Schema(implementation = ServiceView.class)))
    public Response service(@PathParam("id") UUID id) {
        DirectoryService s = directory.service(id);
        return ETags.ok(ServiceView.of(s), s.version);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "directory-entry:replace")
    @Operation(
            operationId = "replaceService",
            summary = "Replace a service's details (admin, If-Match required)",
            description = "A change of who the service is or how a referral reaches it (organisation, name, kind,"
                    + " email, phone, how to refer, practitioner, registration) voids the serious-risk exceptions and"
                    + " the consents of its unsent referrals: they were given for the recipient as it was.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response replaceService(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull DirectoryServiceRequest body) {
        DirectoryService s = directory.replaceService(id, ifMatch, body.details());
        return ETags.ok(ServiceView.of(s), s.version);
    }
}
