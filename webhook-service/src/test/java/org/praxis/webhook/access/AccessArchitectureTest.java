package org.praxis.webhook.access;

import org.junit.jupiter.api.Test;
import org.praxis.testsupport.AccessArchitecture;

/** Only the policies (and @RolesAllowed) decide access in webhook-service. */
class AccessArchitectureTest {
    @Test
    void onlyPoliciesCheckRolesOrCompareTheCallersSubject() {
        AccessArchitecture.check("org.praxis.webhook");
    }
}
