package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.session.api.EngagementViews.EngagementView;
import org.praxis.session.domain.AfterTherapy;
import org.praxis.session.domain.Engagement;
import org.praxis.session.domain.Engagements;

@Path("/v1/engagements/after-therapy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Engagements", description = "Coaching engagements and their versioned contracts")
public class AfterTherapyResource {
    @Inject
    AfterTherapy afterTherapy;

    @Inject
    Engagements engagements;

    @Inject
    IdempotencyKeys idempotency;

    public record StartAfterTherapyRequest(
            @NotNull UUID referralId,

            @Size(max = Bounds.SUBJECT)
            @Schema(description = "The coach: the client names one; a coach is themselves; a supervisor a supervisee")
            String practitionerId,

            @Size(max = Bounds.CODE)
            @Pattern(regexp = "coaching|coaching-with-monitoring|integrated")
            @Schema(description = "Default coaching")
            String pathway,

            @Min(1) @Max(EngagementViews.MAX_PREPAID) Integer sessionsPrepaid) {}

    @POST
    @Transactional // the idempotency key is claimed in the start's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "engagement:open-after-therapy")
    @Operation(
            operationId = "startCoachingAfterTherapy",
            summary = "Start a draft coaching engagement after a completed therapy referral (one per referral)")
    @APIResponse(
            responseCode = "201",
            description = "Started as a draft, linked to the referral and its intake; ETag is its version",
            content = @Content(schema = @Schema(implementation = EngagementView.class)))
    @APIResponse(responseCode = "404", description = "No completed therapy referral the caller may start from")
    @APIResponse(
            responseCode = "409",
            description = "Coaching after this referral was started already, or the tenant wants a new intake first")
    public Response start(
            @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull StartAfterTherapyRequest request) {
        return idempotency.once(key, "start-after-therapy", request, () -> {
            Engagement e = afterTherapy.start(
                    request.referralId(), request.practitionerId(), request.pathway(), request.sessionsPrepaid());
            return ETags.created(
                    URI.create("/v1/engagements/" + e.id),
                    EngagementView.of(e, engagements.pathwayShown().test(e)),
                    e.version);
        });
    }
}
