package org.praxis.testsupport;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds signed access tokens shaped like Keycloak's: {@code realm_access.roles} and a {@code tenant} claim.
 * <pre>Tokens.of("coach-1").tenant("acme").roles("coach").bearer()</pre>
 */
public final class Tokens {
    /**
     * Signed tokens of the default lifetime, reused for a few minutes: signing one per request was 44 % of
     * session-service's test CPU (with RSA keys then; see {@link MockOidcIssuer}). A token chosen for its
     * expiry ({@link #expired}, {@link #expiresIn}) is signed afresh every time.
     */
    private static final Map<Shape, Signed> SIGNED = new ConcurrentHashMap<>();

    private static final Duration REUSED_FOR = Duration.ofMinutes(5);
    private static final int MAX_SIGNED = 5_000;

    private record Shape(
            String subject,
            String tenant,
            List<String> roles,
            String issuer,
            String audience,
            PrivateKey signingKey,
            String keyId) {}

    private record Signed(String token, Instant signedAt) {}

    private String subject;
    private String tenant = "acme";
    private List<String> roles = List.of();
    private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(30));
    private String issuer = MockOidcIssuer.shared().issuer();
    private String audience = MockOidcIssuer.AUDIENCE;
    private PrivateKey signingKey = MockOidcIssuer.shared().keys().getPrivate();
    private String keyId = MockOidcIssuer.KEY_ID;
    private boolean defaultLifetime = true;

    private Tokens(String subject) {
        this.subject = subject;
    }

    public static Tokens of(String subject) {
        return new Tokens(subject);
    }

    /** A fresh subject, so tests do not see each other's data. */
    public static Tokens anyone() {
        return new Tokens("user-" + UUID.randomUUID());
    }

    public Tokens tenant(String tenant) {
        this.tenant = tenant;
        return this;
    }

    public Tokens withoutTenant() {
        this.tenant = null;
        return this;
    }

    public Tokens roles(String... roles) {
        this.roles = List.of(roles);
        return this;
    }

    public Tokens expired() {
        this.expiresAt = Instant.now().minus(Duration.ofHours(1));
        this.defaultLifetime = false;
        return this;
    }

    /** Expires that long from now (the cache tests wait for a token to expire). */
    public Tokens expiresIn(Duration validFor) {
        this.expiresAt = Instant.now().plus(validFor);
        this.defaultLifetime = false;
        return this;
    }

    public Tokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public Tokens audience(String audience) {
        this.audience = audience;
        return this;
    }

    /** Signed with a key the issuer never published: the signature check must refuse it. */
    public Tokens signedByStranger() {
        this.signingKey = MockOidcIssuer.newKeyPair().getPrivate();
        return this;
    }

    /** Signed with a key the shared issuer published by {@link MockOidcIssuer#addKey}, named in the header. */
    public Tokens signedWith(String kid) {
        this.signingKey = MockOidcIssuer.shared().signingKey(kid);
        this.keyId = kid;
        return this;
    }

    public String subject() {
        return subject;
    }

    public String token() {
        if (!defaultLifetime) {
            return sign();
        }
        Shape shape = new Shape(subject, tenant, roles, issuer, audience, signingKey, keyId);
        Instant now = Instant.now();
        Signed kept = SIGNED.get(shape);
        if (kept != null && kept.signedAt().isAfter(now.minus(REUSED_FOR))) {
            return kept.token();
        }
        if (SIGNED.size() >= MAX_SIGNED) {
            SIGNED.clear();
        }
        String token = sign();
        SIGNED.put(shape, new Signed(token, now));
        return token;
    }

    private String sign() {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(subject)
                .claim("preferred_username", subject)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(
                        expiresAt.minus(Duration.ofHours(2)).isAfter(Instant.now())
                                ? Instant.now()
                                : expiresAt.minus(Duration.ofMinutes(31)))
                .expiresAt(expiresAt);
        if (audience != null) {
            claims.audience(audience);
        }
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        return claims.jws().algorithm(SignatureAlgorithm.ES256).keyId(keyId).sign(signingKey);
    }

    /** The value of an {@code Authorization} header. */
    public String bearer() {
        return "Bearer " + token();
    }
}
