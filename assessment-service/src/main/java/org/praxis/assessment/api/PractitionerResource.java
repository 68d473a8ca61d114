package org.praxis.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.api.RegistrationResource.RegistrationView;
import org.praxis.assessment.domain.Eligibility;
import org.praxis.assessment.domain.Practitioner;
import org.praxis.assessment.domain.Practitioners;
import org.praxis.assessment.domain.Registration;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/** Practitioner profiles and their supervisor; what a practitioner keeps lives in the sub-resources under {@code {id}/}. */
@Path("/v1/practitioners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = PractitionerResource.TAG, description = PractitionerResource.TAG_DESCRIPTION)
public class PractitionerResource {
    /** The one tag of every practitioner resource (this and its sub-resources), as generated clients know it. */
    static final String TAG = "Practitioners";

    static final String TAG_DESCRIPTION =
            "Profiles, registrations, evidence, supervision, the competence profile and eligibility. {id} is the practitioner's OIDC subject.";

    @Inject
    Practitioners practitioners;

    @Inject
    Eligibility eligibility;

    @Inject
    IdempotencyKeys idempotency;

    public record ProfileRequest(
            @Size(max = Bounds.SUBJECT) String subject,
            @NotBlank @Size(max = Bounds.NAME) String displayName,

            @Size(max = Practitioners.MAX_ROLES)
            List<@NotNull @Size(max = Bounds.CODE) @Pattern(regexp = Practitioner.ROLE_PATTERN) String> roles) {}

    /** {@code supervisorId}: null (or left out) removes the supervisor; a blank one names nobody and is refused. */
    public record SupervisorRequest(
            @Size(max = Bounds.SUBJECT) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String supervisorId) {}

    /** {@code supervisorId}: null until an admin names one. */
    public record PractitionerView(
            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String id,

            @Schema(required = true, maxLength = Bounds.NAME)
            String displayName,

            @Schema(required = true, maxItems = Practitioners.MAX_ROLES)
            List<@Size(max = Bounds.CODE) String> roles,

            @Schema(maxLength = Bounds.SUBJECT) String supervisorId,

            @Schema(required = true, maxItems = Practitioners.MAX_REGISTRATIONS)
            List<RegistrationView> registrations,

            @Schema(required = true) Instant createdAt,

            @Schema(required = true, minimum = "0", maximum = AssessmentBounds.COUNT_MAX)
            long version) {}

    private PractitionerView view(Practitioner p) {
        return view(p, practitioners.registrations(p.subject), eligibility.today());
    }

    private static PractitionerView view(Practitioner p, List<Registration> registrations, LocalDate today) {
        return new PractitionerView(
                p.subject,
                p.displayName(),
                p.roles,
                p.supervisorId,
                registrations.stream().map(r -> RegistrationView.of(r, today)).toList(),
                p.createdAt,
                p.version);
    }

    @POST
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:create")
    @Operation(
            operationId = "createPractitioner",
            summary = "Create a profile: a practitioner their own, an admin anyone's")
    @APIResponse(
            responseCode = "201",
            description = "Created; ETag is its version",
            content = @Content(schema = @Schema(implementation = PractitionerView.class)))
    @APIResponse(responseCode = "409", description = "The practitioner already has a profile")
    public Response create(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull ProfileRequest body) {
        return idempotency.once(key, "create-practitioner", body, () -> {
            Practitioner p = practitioners.create(body.subject(), body.displayName(), body.roles());
            return ETags.created(URI.create("/v1/practitioners/" + p.subject), view(p), p.version);
        });
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:view")
    @Operation(
            operationId = "listPractitioners",
            summary = "Admins: every profile; supervisors: their supervisees and themselves; coaches: themselves")
    public Page<PractitionerView> list(@BeanParam PageParams page) {
        Page<Practitioner> rows = practitioners.list(page.request());
        Map<String, List<Registration>> registrations = practitioners.registrations(
                rows.items().stream().map(p -> p.subject).toList());
        LocalDate today = eligibility.today();
        return rows.map(p -> view(p, registrations.getOrDefault(p.subject, List.of()), today));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:view")
    @Operation(operationId = "getPractitioner", summary = "One profile with its registrations; ETag is its version")
    @APIResponse(
            responseCode = "200",
            description = "The profile",
            content = @Content(schema = @Schema(implementation = PractitionerView.class)))
    public Response get(@PathParam("id") @Size(max = Bounds.SUBJECT) String id) {
        Practitioner p = practitioners.visible(id);
        return ETags.ok(view(p), p.version);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:update")
    @Operation(
            operationId = "updatePractitioner",
            summary = "Change name and roles (the practitioner or an admin; If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag is its new version",
            content = @Content(schema = @Schema(implementation = PractitionerView.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response update(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ProfileRequest body) {
        Practitioner p = practitioners.update(id, ifMatch, body.displayName(), body.roles());
        return ETags.ok(view(p), p.version);
    }

    @PUT
    @Path("{id}/supervisor")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:assign-supervisor")
    @Operation(
            operationId = "assignSupervisor",
            summary =
                    "Name the practitioner's supervisor (admin; If-Match required); publishes practitioner.supervisor-changed")
    @APIResponse(
            responseCode = "200",
            description = "Named; ETag is the profile's new version",
            content = @Content(schema = @Schema(implementation = PractitionerView.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response assignSupervisor(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SupervisorRequest body) {
        Practitioner p = practitioners.assignSupervisor(id, ifMatch, body.supervisorId());
        return ETags.ok(view(p), p.version);
    }
}
