package org.praxis.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deny by default: a token without a valid {@code tenant} claim keeps its identity (so the caller is
 * authenticated, not 401) but loses every role, so every role-guarded operation answers 403.
 */
@ApplicationScoped
public class TenantRequiredAugmentor implements SecurityIdentityAugmentor {
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || TenantClaim.of(identity.getPrincipal()) != null) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity withoutRoles = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .build();
        return Uni.createFrom().item(withoutRoles);
    }
}
