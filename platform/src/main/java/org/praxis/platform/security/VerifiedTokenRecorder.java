package org.praxis.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Keeps the identity OIDC's provider built for a token it verified, before any other augmentor changes
 * it: a later hit goes through the same augmentors. A failed verification never reaches an augmentor.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {
    @Inject
    VerifiedTokens tokens;

    @Override
    public int priority() {
        // Augmentors run from the highest priority down: this one sees OIDC's identity untouched.
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context, Map<String, Object> attributes) {
        Object hash = attributes.get(VerifiedTokenProvider.TOKEN_HASH);
        if (hash != null && !identity.isAnonymous()) {
            tokens.remember((String) hash, (String) attributes.get(VerifiedTokenProvider.KEY_ID), identity);
        }
        return Uni.createFrom().item(identity);
    }
}
