package org.praxis.referral.access;

import org.junit.jupiter.api.Test;
import org.praxis.testsupport.AccessArchitecture;

/** Only referral-service's policies (and @RolesAllowed) decide access: no role check or subject comparison elsewhere. */
class AccessArchitectureTest {
    @Test
    void onlyPoliciesDecideAccess() {
        AccessArchitecture.check("org.praxis.referral");
    }
}
