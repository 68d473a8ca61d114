package org.praxis.intake.access;

import org.junit.jupiter.api.Test;
import org.praxis.testsupport.AccessArchitecture;

/** Only the policies (and @RolesAllowed) decide access in intake-service. */
class AccessArchitectureTest {
    @Test
    void onlyPoliciesCheckRolesOrCompareTheCallersSubject() {
        AccessArchitecture.check("org.praxis.intake");
    }
}
