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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.referral.domain.Directory;
import org.praxis.referral.domain.DirectoryOrganisation;

/** The directory's organisations; their services: {@link DirectoryServiceResource}. */
@Path("/v1/directory/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Directory", description = "Organisations and services the tenant refers to (after Open Referral HSDS)")
public class DirectoryOrganisationResource {
    @Inject
    Directory directory;

    @Inject
    IdempotencyKeys idempotency;

    /** The longest phone number a directory entry keeps (an international number with an extension). */
    static final int PHONE = Bounds.CODE;

    public record OrganisationRequest(
            @NotBlank @Size(max = Bounds.NAME) String name,
            @Size(max = Bounds.REASON) String description,
            @Size(max = Bounds.URI) String website,
            @Email @Size(max = Bounds.NAME) String email,
            @Size(max = PHONE) String phone) {
        Directory.OrganisationDetails details() {
            return new Directory.OrganisationDetails(name, description, website, email, phone);
        }
    }

    public record OrganisationView(
            @NotNull UUID id,
            @NotNull @Schema(maxLength = Bounds.NAME) String name,
            @Schema(maxLength = Bounds.REASON) String description,
            @Schema(maxLength = Bounds.URI) String website,
            @Schema(maxLength = Bounds.NAME) String email,
            @Schema(maxLength = PHONE) String phone,
            @NotNull Instant createdAt,

            @NotNull @Schema(minimum = "0", maximum = ReferralViews.COUNT_MAX)
            long version) {
        static OrganisationView of(DirectoryOrganisation o) {
            return new OrganisationView(
                    o.id, o.name, o.description, o.website, o.email, o.phone, o.createdAt, o.version);
        }
    }

    @POST
    @Transactional // the idempotency key is claimed in the addition's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "directory-entry:create")
    @Operation(operationId = "addOrganisation", summary = "Add an organisation to the directory (admin)")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    public Response addOrganisation(
            @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull OrganisationRequest body) {
        return idempotency.once(key, "add-organisation", body, () -> {
            DirectoryOrganisation o = directory.addOrganisation(body.details());
            return ETags.created(URI.create("/v1/directory/organisations/" + o.id), OrganisationView.of(o), o.version);
        });
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "directory-entry:list")
    @Operation(operationId = "listOrganisations", summary = "Organisations in the directory, optionally by name")
    public Page<OrganisationView> organisations(
            @QueryParam("q") @Size(max = Bounds.NAME) String q, @BeanParam PageParams page) {
        return directory.organisations(page.request(), q).map(OrganisationView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "directory-entry:view")
    @Operation(operationId = "getOrganisation", summary = "One organisation; ETag is its version")
    @APIResponse(
            responseCode = "200",
            description = "The organisation",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    public Response organisation(@PathParam("id") UUID id) {
        DirectoryOrganisation o = directory.organisation(id);
        return ETags.ok(OrganisationView.of(o), o.version);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "directory-entry:replace")
    @Operation(
            operationId = "replaceOrganisation",
            summary = "Replace an organisation's details (admin, If-Match required)",
            description = "A change of its name, email or phone voids the serious-risk exceptions and the consents of"
                    + " unsent referrals to its services: they were given for the recipient as it was.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response replaceOrganisation(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull OrganisationRequest body) {
        DirectoryOrganisation o = directory.replaceOrganisation(id, ifMatch, body.details());
        return ETags.ok(OrganisationView.of(o), o.version);
    }
}
