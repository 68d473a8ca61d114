package org.praxis.session.access;

import org.junit.jupiter.api.Test;
import org.praxis.testsupport.AccessArchitecture;

/** Only session-service's policies decide access: no role check or caller-subject comparison elsewhere. */
class AccessArchitectureTest {
    @Test
    void onlyPoliciesDecideAccess() {
        AccessArchitecture.check("org.praxis.session");
    }
}
