package org.praxis.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.domain.Eligibility;
import org.praxis.assessment.domain.Practitioners;
import org.praxis.assessment.domain.Registration;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;

/** A practitioner's professional registrations and their verification. */
@Path("/v1/practitioners/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = PractitionerResource.TAG, description = PractitionerResource.TAG_DESCRIPTION)
public class RegistrationResource {
    @Inject
    Practitioners practitioners;

    @Inject
    Eligibility eligibility;

    @Inject
    IdempotencyKeys idempotency;

    public record RegistrationRequest(
            @NotBlank @Size(max = Bounds.CODE) String kind,
            @NotBlank @Size(max = Bounds.NAME) String body,

            @NotBlank @Size(max = AssessmentBounds.REGISTRATION_NUMBER)
            String number,

            @NotNull LocalDate expiresOn) {}

    /** {@code verifiedBy} and {@code verifiedAt}: null until an admin verifies it. */
    public record RegistrationView(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.CODE)
            String kind,

            @Schema(required = true, maxLength = Bounds.NAME)
            String body,

            @Schema(required = true, maxLength = AssessmentBounds.REGISTRATION_NUMBER)
            String number,

            @Schema(required = true) LocalDate expiresOn,
            @Schema(required = true) boolean current,
            @Schema(maxLength = Bounds.SUBJECT) String verifiedBy,
            Instant verifiedAt,

            @Schema(required = true, minimum = "0", maximum = AssessmentBounds.COUNT_MAX)
            long version) {
        static RegistrationView of(Registration r, LocalDate today) {
            return new RegistrationView(
                    r.id,
                    r.kind,
                    r.body,
                    r.number(),
                    r.expiresOn,
                    r.isCurrentOn(today),
                    r.verifiedBy,
                    r.verifiedAt,
                    r.version);
        }
    }

    @POST
    @Path("registrations")
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "registration:create")
    @Operation(
            operationId = "addRegistration",
            summary = "Add one's own professional registration (e.g. therapy-register with number and expiry)")
    @APIResponse(
            responseCode = "201",
            description = "Added; eligibility is recomputed",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    public Response register(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RegistrationRequest body) {
        return idempotency.once(key, "add-registration " + id, body, () -> {
            Registration r = practitioners.register(id, body.kind(), body.body(), body.number(), body.expiresOn());
            return ETags.created(
                    URI.create("/v1/practitioners/" + id + "/registrations/" + r.id),
                    RegistrationView.of(r, eligibility.today()),
                    r.version);
        });
    }

    @PUT
    @Path("registrations/{registrationId}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "registration:update")
    @Operation(
            operationId = "updateRegistration",
            summary = "Change one's own registration, e.g. its renewed expiry (If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag is its new version",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response updateRegistration(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id,
            @PathParam("registrationId") UUID registrationId,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RegistrationRequest body) {
        Registration r = practitioners.updateRegistration(
                id, registrationId, ifMatch, body.kind(), body.body(), body.number(), body.expiresOn());
        return ETags.ok(RegistrationView.of(r, eligibility.today()), r.version);
    }

    @POST
    @Path("registrations/{registrationId}/verification")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "registration:verify")
    @Operation(
            operationId = "verifyRegistration",
            summary = "An admin (not the practitioner) verifies a registration as read (If-Match: the version in the"
                    + " practitioner's profile): only verified ones count toward eligibility, which is"
                    + " recomputed; audited")
    @APIResponse(
            responseCode = "200",
            description = "Verified: who and when are recorded; ETag is its new version",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "409", description = "Already verified")
    @APIResponse(
            responseCode = "412",
            description = "Changed since the If-Match ETag: the practitioner's new facts need reading first")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response verifyRegistration(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id,
            @PathParam("registrationId") UUID registrationId,
            @HeaderParam("If-Match") String ifMatch) {
        Registration r = practitioners.verifyRegistration(id, registrationId, ifMatch);
        return ETags.ok(RegistrationView.of(r, eligibility.today()), r.version);
    }
}
