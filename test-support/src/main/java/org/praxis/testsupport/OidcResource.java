package org.praxis.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the application's OIDC resource server at the mock issuer. */
public class OidcResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        MockOidcIssuer oidc = MockOidcIssuer.shared();
        return Map.of(
                "quarkus.oidc.auth-server-url", oidc.issuer(), "quarkus.oidc.token.audience", MockOidcIssuer.AUDIENCE);
    }

    @Override
    public void stop() {
        // Shared by every test of the JVM.
    }
}
