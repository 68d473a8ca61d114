package org.praxis.webhook.access;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.testsupport.AccessDocument;
import org.praxis.webhook.domain.access.SubscriptionPolicy;

/** Every /v1 operation names its guard, and webhook-service's section of docs/access.md is current. */
@QuarkusTest
class AccessMatrixTest {
    @Test
    void theAccessMatrixIsCompleteAndCurrent() {
        AccessDocument.assertCompleteAndCurrent(
                new AccessMatrix("webhook-service", List.of(SubscriptionPolicy.RULES))::verify);
    }
}
