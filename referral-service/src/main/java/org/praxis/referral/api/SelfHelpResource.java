package org.praxis.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
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
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.referral.api.ReferralViews.ServiceSummary;
import org.praxis.referral.domain.DirectoryService;
import org.praxis.referral.domain.SelfHelp;
import org.praxis.referral.domain.SelfHelpOffer;

@Path("/v1/self-help-offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Self-help", description = "Self-help resources offered to a person instead of or before a referral")
public class SelfHelpResource {
    @Inject
    SelfHelp selfHelp;

    @Inject
    IdempotencyKeys idempotency;

    public record OfferRequest(
            @NotBlank @Size(max = Bounds.SUBJECT) String clientSubject,
            @NotNull UUID serviceId,
            @Size(max = Bounds.REASON) String note,
            UUID referralId) {}

    public record OfferView(
            @NotNull UUID id,
            @NotNull @Schema(maxLength = Bounds.SUBJECT) String clientSubject,
            ServiceSummary resource,
            UUID referralId,
            @Schema(maxLength = Bounds.REASON) String note,
            @NotNull @Schema(maxLength = Bounds.SUBJECT) String offeredBy,
            @NotNull Instant offeredAt) {
        static OfferView of(SelfHelpOffer o, DirectoryService resource) {
            return new OfferView(
                    o.id,
                    o.clientSubject,
                    ServiceSummary.of(resource),
                    o.referralId,
                    o.note(),
                    o.offeredBy,
                    o.offeredAt);
        }

        /** As the client reads it when they may not read the referral it was made before. */
        OfferView withoutReferral() {
            return new OfferView(id, clientSubject, resource, null, note, offeredBy, offeredAt);
        }
    }

    @POST
    @Transactional // the idempotency key is claimed in the offer's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "self-help-offer:create")
    @Operation(operationId = "offerSelfHelp", summary = "Offer a directory self-help resource to a person")
    @APIResponse(
            responseCode = "201",
            description = "Offered and kept on the person's record",
            content = @Content(schema = @Schema(implementation = OfferView.class)))
    public Response offer(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull OfferRequest request) {
        return idempotency.once(key, "offer-self-help", request, () -> {
            SelfHelpOffer o =
                    selfHelp.offer(request.clientSubject(), request.serviceId(), request.note(), request.referralId());
            return Response.created(URI.create("/v1/self-help-offers/" + o.id))
                    .entity(OfferView.of(o, selfHelp.resource(o)))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "self-help-offer:list")
    @Operation(
            operationId = "listSelfHelpOffers",
            summary = "Offers a coach made (supervisors: all), optionally for one person")
    public Page<OfferView> list(
            @QueryParam("clientSubject") @Size(max = Bounds.SUBJECT) String clientSubject, @BeanParam PageParams page) {
        return views(selfHelp, selfHelp.list(page.request(), clientSubject));
    }

    /** The offers with their resources, read in one query for the whole page. */
    static Page<OfferView> views(SelfHelp selfHelp, Page<SelfHelpOffer> offers) {
        Map<UUID, DirectoryService> resources = selfHelp.resources(offers.items());
        return offers.map(o -> OfferView.of(o, resources.get(o.serviceId)));
    }
}
