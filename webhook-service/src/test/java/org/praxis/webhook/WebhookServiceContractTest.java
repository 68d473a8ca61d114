package org.praxis.webhook;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.praxis.testsupport.KafkaResource;
import org.praxis.testsupport.OidcResource;
import org.praxis.testsupport.PostgresResource;
import org.praxis.testsupport.ServiceContract;

/** The platform contract (tokens, tenants, problem+json, health, OpenAPI) held by webhook-service. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
class WebhookServiceContractTest extends ServiceContract {
    @Override
    protected boolean documentFitForGenerators() {
        return true;
    }
}
