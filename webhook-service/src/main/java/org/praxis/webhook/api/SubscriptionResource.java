package org.praxis.webhook.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
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
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.webhook.api.WebhookViews.SubscriptionRequest;
import org.praxis.webhook.api.WebhookViews.SubscriptionView;
import org.praxis.webhook.domain.Subscription;
import org.praxis.webhook.domain.Subscriptions;

/** Tenant admins' webhook subscriptions: an endpoint, the event types it receives, its signing secret. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = SubscriptionResource.TAG, description = "Signed deliveries of the tenant's events (Standard Webhooks)")
public class SubscriptionResource {
    static final String TAG = "Webhooks";
    private static final String PATH = "/v1/webhook-subscriptions/";

    @Inject
    Subscriptions subscriptions;

    @Inject
    IdempotencyKeys idempotency;

    @GET
    @Path("webhook-event-types")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "webhook-subscription:view")
    @Operation(operationId = "listWebhookEventTypes", summary = "The event types a subscription may name")
    @APIResponse(
            responseCode = "200",
            description = "The catalogue's types (docs/events), sorted",
            content = @Content(schema = @Schema(implementation = String.class, type = SchemaType.ARRAY)))
    public List<String> eventTypes() {
        return List.copyOf(Subscriptions.EVENT_TYPES);
    }

    @POST
    @Path("webhook-subscriptions")
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "webhook-subscription:create")
    @Operation(
            operationId = "createWebhookSubscription",
            summary =
                    "Subscribe an https endpoint to event types; the answer holds the signing secret, shown only here")
    @APIResponse(
            responseCode = "201",
            description = "Subscribed; ETag is its version",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(
            responseCode = "422",
            description = "The URL is not https, resolves to a private address, or a type is unknown; or the tenant"
                    + " holds " + Subscriptions.MAX_PER_TENANT + " subscriptions already")
    public Response create(
            @HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull SubscriptionRequest request) {
        // no-store outside: a replay of the create answers with the same secret, and no cache may keep it either.
        return noStore(idempotency.once(key, "create-webhook-subscription", request, () -> {
            Subscriptions.WithSecret created = subscriptions.create(request.settings());
            Subscription s = created.subscription();
            return ETags.created(URI.create(PATH + s.id), SubscriptionView.of(s, created.secret()), s.version);
        }));
    }

    @GET
    @Path("webhook-subscriptions")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "webhook-subscription:view")
    @Operation(
            operationId = "listWebhookSubscriptions",
            summary = "List the tenant's webhook subscriptions, newest first")
    @APIResponse(responseCode = "200", description = "A page of subscriptions")
    public Page<SubscriptionView> list(@BeanParam PageParams page) {
        return subscriptions.list(page.request()).map(SubscriptionView::of);
    }

    @GET
    @Path("webhook-subscriptions/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "webhook-subscription:view")
    @Operation(operationId = "getWebhookSubscription", summary = "Read a webhook subscription (without its secret)")
    @APIResponse(
            responseCode = "200",
            description = "The subscription; ETag is its version",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag")
    public Response get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Subscription s = subscriptions.get(id);
        return ETags.okUnlessNotModified(ifNoneMatch, s.version, () -> SubscriptionView.of(s));
    }

    @PUT
    @Path("webhook-subscriptions/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "webhook-subscription:update")
    @Operation(
            operationId = "updateWebhookSubscription",
            summary =
                    "Replace a subscription's endpoint, event types and enabled flag (clears disabledReason: kept off, it is"
                            + " an admin's disabling, which holds no events;"
                            + " pending deliveries of types taken off are dropped; audited with the endpoint and types)")
    @APIResponse(
            responseCode = "200",
            description = "Updated; ETag is its new version",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response update(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SubscriptionRequest request) {
        Subscription s = subscriptions.update(id, ifMatch, request.settings());
        return ETags.ok(SubscriptionView.of(s), s.version);
    }

    @DELETE
    @Path("webhook-subscriptions/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "webhook-subscription:delete")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Delete a subscription with its delivery log")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag (If-Match is optional here)")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        subscriptions.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("webhook-subscriptions/{id}/secret-rotation")
    @Transactional // the idempotency key is claimed in the rotation's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "webhook-subscription:rotate-secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Replace the signing secret; the old one keeps signing too for the overlap (24 hours by default)")
    @APIResponse(
            responseCode = "200",
            description = "The subscription with its new secret, shown only here",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The previous rotation's overlap has not ended: its replaced secret is still in use")
    public Response rotateSecret(@PathParam("id") UUID id, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        // A retry after a lost answer under the same key gets that answer (the secret included) instead of a 409.
        return noStore(idempotency.once(key, "rotate-webhook-secret " + id, id.toString(), () -> {
            Subscriptions.WithSecret rotated = subscriptions.rotateSecret(id);
            Subscription s = rotated.subscription();
            return ETags.ok(SubscriptionView.of(s, rotated.secret()), s.version);
        }));
    }

    /** An answer carrying a secret: no cache on the way may keep it. */
    private static Response noStore(Response answer) {
        return Response.fromResponse(answer).header("Cache-Control", "no-store").build();
    }
}
