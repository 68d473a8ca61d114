package org.praxis.assessment.access;

import org.junit.jupiter.api.Test;
import org.praxis.testsupport.AccessArchitecture;

/** Only the policies (and @RolesAllowed) decide access in assessment-service. */
class AccessArchitectureTest {
    @Test
    void onlyPoliciesCheckRolesOrCompareTheCallersSubject() {
        AccessArchitecture.check("org.praxis.assessment");
    }
}
