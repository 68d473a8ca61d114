package org.praxis.webhook.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.praxis.platform.web.ClosedSets;
import org.praxis.webhook.domain.Subscriptions;

/** webhook-service's closed sets as enums in its OpenAPI document: the event types a subscription may name. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class WebhookClosedSets implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        List<String> types = List.copyOf(Subscriptions.EVENT_TYPES);
        new ClosedSets()
                .property("SubscriptionRequest", "eventTypes", types)
                .property("SubscriptionView", "eventTypes", types)
                .response("listWebhookEventTypes", types)
                .declareIn(openAPI);
    }
}
