package org.praxis.webhook.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.webhook.api.WebhookViews.DeliveryView;
import org.praxis.webhook.domain.Deliveries;

/** The delivery log of a subscription, and redelivery on demand. */
@Path("/v1/webhook-subscriptions/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = SubscriptionResource.TAG)
public class DeliveryResource {
    @Inject
    Deliveries deliveries;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "webhook-subscription:view")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "List a subscription's deliveries, newest first, each with its latest attempts")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    public Page<DeliveryView> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return deliveries.list(id, page.request()).map(DeliveryView::of);
    }

    @GET
    @Path("{deliveryId}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "webhook-subscription:view")
    @Operation(operationId = "getWebhookDelivery", summary = "Read one delivery with its latest attempts")
    @APIResponse(
            responseCode = "200",
            description = "The delivery",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public DeliveryView get(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return DeliveryView.of(deliveries.get(id, deliveryId));
    }

    @POST
    @Path("{deliveryId}/redelivery")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "webhook-subscription:redeliver")
    @Operation(
            operationId = "redeliverWebhook",
            summary = "Send a delivery again now, with a new round of retries and the same webhook-id (audited)")
    @APIResponse(
            responseCode = "200",
            description = "Pending again",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The subscription is disabled, or no longer takes the event's type")
    public DeliveryView redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return DeliveryView.of(deliveries.redeliver(id, deliveryId));
    }
}
