package org.praxis.webhook.access;

import org.junit.jupiter.api.Test;
import org.praxis.testsupport.ServiceArchitecture;

class LayerArchitectureTest {
    @Test
    void theLayersOfDocsConventionsHold() {
        ServiceArchitecture.check("org.praxis.webhook");
    }
}
