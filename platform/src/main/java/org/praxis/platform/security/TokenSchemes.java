package org.praxis.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Declares beside the OpenID Connect scheme an OAuth2 one that client generators turn into token
 * handling (openIdConnect alone gives most of them no way to send a token): the authorization-code flow
 * with PKCE for the mobile and browser apps (public client {@value #MOBILE_CLIENT}) and the
 * client-credentials flow for platforms. Every operation secured by OIDC accepts either. The URLs are the
 * issuer's ({@value #ISSUER}, PraxisConfig; by default the local Keycloak realm), written into the document when it is built.
 */
public final class TokenSchemes {
    public static final String OIDC = "oidc";
    public static final String OAUTH2 = "oauth2";
    static final String MOBILE_CLIENT = "praxis-mobile";
    static final String ISSUER = "praxis.openapi.issuer";

    private TokenSchemes() {}

    public static void apply(OpenAPI openAPI) {
        // A filter is not a bean and runs while the document is built: config is read directly.
        String issuer = ConfigProvider.getConfig().getValue(ISSUER, String.class);
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(OAUTH2, oauth2(issuer));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : path.getOperations().values()) {
                acceptEither(op);
            }
        }
    }

    /** An operation OIDC secures also lists OAuth2 (any token of the realm; roles are checked by the service). */
    private static void acceptEither(Operation op) {
        List<SecurityRequirement> requirements = op.getSecurity();
        if (requirements == null
                || requirements.stream().noneMatch(r -> r.hasScheme(OIDC))
                || requirements.stream().anyMatch(r -> r.hasScheme(OAUTH2))) {
            return;
        }
        List<SecurityRequirement> either = new ArrayList<>(requirements);
        either.add(OASFactory.createSecurityRequirement().addScheme(OAUTH2, List.of()));
        op.setSecurity(either);
    }

    private static SecurityScheme oauth2(String issuer) {
        String token = issuer + "/protocol/openid-connect/token";
        OAuthFlow authorizationCode = OASFactory.createOAuthFlow()
                .authorizationUrl(issuer + "/protocol/openid-connect/auth")
                .tokenUrl(token)
                .refreshUrl(token)
                .scopes(Map.of());
        OAuthFlow clientCredentials =
                OASFactory.createOAuthFlow().tokenUrl(token).scopes(Map.of());
        return OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Tokens of the realm, carrying realm roles and a tenant claim. Apps: authorization code"
                        + " with PKCE (S256), public client " + MOBILE_CLIENT + ". Platforms: client credentials with"
                        + " the client id and secret their tenant admin was given.")
                .flows(OASFactory.createOAuthFlows()
                        .authorizationCode(authorizationCode)
                        .clientCredentials(clientCredentials));
    }
}
