package org.praxis.platform.security;

import io.quarkus.oidc.OidcProviderClient;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Permission;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.praxis.platform.PraxisConfig;

/**
 * Bearer tokens Quarkus OIDC has verified, keyed by the SHA-256 of the whole compact JWS (a changed
 * signature is another key; the token itself is never kept as a key). Bounded; an entry ends at the
 * token's {@code exp}, after {@code max-age}, and when its signing key is no longer published as it was.
 * Only successful verifications are stored ({@link VerifiedTokenRecorder}).
 */
@ApplicationScoped
public class VerifiedTokens {
    /** OIDC's identity for one token, without what belonged to the request that verified it. */
    record Verified(
            JsonWebToken principal,
            Set<String> roles,
            Set<Permission> permissions,
            Map<String, Object> attributes,
            String keyId,
            String keyMaterial,
            long notAfterMillis) {}

    /**
     * Identity attributes OIDC sets that belong to the token or the issuer's configuration; the others
     * (routing and authentication-request context) belong to the request that verified it.
     */
    private static final Set<String> KEPT_ATTRIBUTES = Set.of(
            "quarkus.identity.expire-time", "tenant-id", "configuration-metadata", OidcProviderClient.class.getName());

    @Inject
    PraxisConfig config;

    @Inject
    PublishedKeys keys;

    private final Map<String, Verified> byHash = new ConcurrentHashMap<>();
    private volatile long keyChangesSeen;

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verified identity of the token with that hash, or null when it must be verified again. */
    Verified find(String hash) {
        flushIfKeysChanged();
        Verified found = byHash.get(hash);
        if (found == null) {
            return null;
        }
        if (System.currentTimeMillis() >= found.notAfterMillis()
                || !found.keyMaterial().equals(keys.material(found.keyId()))) {
            byHash.remove(hash, found);
            return null;
        }
        return found;
    }

    /** Keeps what OIDC established for a token it has just verified, if its key is one we know published. */
    void remember(String hash, String keyId, SecurityIdentity verified) {
        String material = keys.material(keyId);
        if (material == null
                || !(verified.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        flushIfKeysChanged();
        long now = System.currentTimeMillis();
        long notAfter = Math.min(
                jwt.getExpirationTime() * 1000,
                now + config.security().tokenCache().maxAge().toMillis());
        Map<String, Object> attributes = new HashMap<>();
        for (String name : KEPT_ATTRIBUTES) {
            Object value = verified.getAttribute(name);
            if (value != null) {
                attributes.put(name, value);
            }
        }
        if (byHash.size() >= config.security().tokenCache().maxSize()) {
            makeRoom(now);
        }
        byHash.put(
                hash,
                new Verified(
                        jwt,
                        Set.copyOf(verified.getRoles()),
                        Set.copyOf(verified.getPermissions()),
                        Map.copyOf(attributes),
                        keyId,
                        material,
                        notAfter));
    }

    boolean holds(String token) {
        return byHash.containsKey(hash(token));
    }

    int size() {
        return byHash.size();
    }

    private void makeRoom(long now) {
        byHash.values().removeIf(v -> now >= v.notAfterMillis());
        Iterator<String> any = byHash.keySet().iterator();
        while (byHash.size() >= config.security().tokenCache().maxSize() && any.hasNext()) {
            any.next();
            any.remove();
        }
    }

    private void flushIfKeysChanged() {
        long changes = keys.changes();
        if (changes != keyChangesSeen) {
            byHash.clear();
            keyChangesSeen = changes;
        }
    }
}
