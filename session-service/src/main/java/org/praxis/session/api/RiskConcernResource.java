package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.session.domain.Notes;
import org.praxis.session.domain.RiskConcern;

/** A practitioner's concern for their client's safety, recorded in the engagement and published as risk.noted. */
@Path("/v1/engagements/{id}/risk-concerns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notes", description = "Private notes (encrypted, signed, addenda) and shared summaries; risk concerns")
public class RiskConcernResource {
    @Inject
    Notes notes;

    @Inject
    IdempotencyKeys idempotency;

    public record RiskConcernRequest(
            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "serious|elevated|low")
            String level,

            UUID sessionId) {}

    public record RiskConcernView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID engagementId,
            UUID sessionId,

            @Schema(required = true, maxLength = Bounds.CODE)
            String level,

            @Schema(required = true) Instant raisedAt) {
        static RiskConcernView of(RiskConcern r) {
            return new RiskConcernView(r.id, r.engagementId, r.sessionId, r.level, r.raisedAt);
        }
    }

    @POST
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.COACH)
    @Extension(name = AccessMatrix.EXTENSION, value = "risk-concern:raise")
    @Operation(
            operationId = "noteRiskConcern",
            summary = "Record a concern for the client's safety; publishes risk.noted")
    @APIResponse(
            responseCode = "201",
            description = "Recorded in the engagement (there is no read of a concern: it is published to supervisors)",
            content = @Content(schema = @Schema(implementation = RiskConcernView.class)))
    public Response raise(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RiskConcernRequest request) {
        return idempotency.once(
                key,
                "note-risk-concern " + id,
                request,
                () -> Response.created(URI.create("/v1/engagements/" + id + "/risk-concerns"))
                        .entity(RiskConcernView.of(notes.noteRisk(id, request.sessionId(), request.level())))
                        .build());
    }
}
