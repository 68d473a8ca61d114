package org.praxis.intake.api;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.api.IntakeViews.RiskFlagView;
import org.praxis.intake.domain.RiskFlag;
import org.praxis.intake.domain.RiskFlags;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;

/** A risk flag raised on an intake by hand; the flag then lives under /v1/risk-flags ({@link RiskFlagResource}). */
@Path("/v1/intakes/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = IntakeResource.TAG, description = IntakeResource.TAG_DESCRIPTION)
public class IntakeRiskFlagResource {
    @Inject
    RiskFlags riskFlags;

    @Inject
    IdempotencyKeys idempotency;

    public record RaiseRiskFlagRequest(
            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = RiskFlag.CODE_PATTERN)
            String code,

            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = RiskFlag.LEVEL_PATTERN)
            String level,

            @Size(max = Bounds.TEXT) String note) {}

    @POST
    @Path("risk-flags")
    @Transactional // the idempotency key is claimed in the raise's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:raise-risk-flag")
    @Operation(operationId = "raiseRiskFlag", summary = "Raise a risk flag by hand; risk-flag.raised is published")
    @APIResponse(
            responseCode = "201",
            description = "Raised",
            content = @Content(schema = @Schema(implementation = RiskFlagView.class)))
    public Response raise(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull RaiseRiskFlagRequest request) {
        return idempotency.once(key, "raise-risk-flag " + id, request, () -> {
            RiskFlag flag = riskFlags.raiseByHand(id, request.code(), request.level(), request.note());
            return ETags.created(URI.create("/v1/risk-flags/" + flag.id), RiskFlagView.of(flag, null), flag.version);
        });
    }
}
