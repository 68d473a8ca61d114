package org.praxis.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.praxis.platform.PraxisConfig;

/**
 * Answers a bearer token OIDC has already verified from {@link VerifiedTokens}, before OIDC's own
 * provider (which decodes the JWT several times and checks its RS256 signature on every request). On a
 * miss it answers nothing, so OIDC's provider runs as before and {@link VerifiedTokenRecorder} keeps its
 * result. Augmentors run on a hit as on a miss, so roles and the tenant rule come out the same.
 */
@ApplicationScoped
public class VerifiedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {
    /** Request attributes handed to the recorder on a miss. */
    static final String TOKEN_HASH = "praxis.token-cache.hash";

    static final String KEY_ID = "praxis.token-cache.kid";

    @Inject
    VerifiedTokens tokens;

    @Inject
    PublishedKeys keys;

    @Inject
    PraxisConfig config;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // Before OIDC's provider (the default, 1001): providers are tried from the highest priority down.
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!config.security().tokenCache().enabled() || !(request.getToken() instanceof AccessTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        String token = request.getToken().getToken();
        String hash = VerifiedTokens.hash(token);
        VerifiedTokens.Verified verified = tokens.find(hash);
        if (verified != null) {
            return Uni.createFrom().item(identity(verified, request, context));
        }
        String keyId = keys.keyIdOf(token);
        if (keys.isWithdrawn(keyId)) {
            // OIDC may still hold the withdrawn key (it re-reads the JWKS only for an unknown kid).
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException("The token's signing key was withdrawn."));
        }
        request.setAttribute(TOKEN_HASH, hash);
        if (keyId != null) {
            request.setAttribute(KEY_ID, keyId);
        }
        return Uni.createFrom().nullItem();
    }

    /** A new identity each time: credential and routing context are this request's, never a cached one's. */
    private static SecurityIdentity identity(
            VerifiedTokens.Verified verified,
            TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(verified.principal())
                .addRoles(verified.roles())
                .addCredential(request.getToken())
                .addAttributes(verified.attributes())
                .addPermissions(verified.permissions())
                // As OIDC's provider sets them, for whatever reads them later in this request.
                .addAttribute(AuthenticationRequestContext.class.getName(), context);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            builder.addAttribute(RoutingContext.class.getName(), routing);
        }
        return builder.build();
    }
}
