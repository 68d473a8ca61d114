package org.praxis.platform.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.MockOidcIssuer;
import org.praxis.testsupport.Tokens;

/**
 * The verified-token cache against the real mock issuer: a hit answers like a miss, and nothing the
 * signature, expiry, key, issuer, audience or tenant checks refused before is accepted from the cache.
 */
@QuarkusTest
class VerifiedTokensTest {
    @Inject
    VerifiedTokens cache;

    @Inject
    PublishedKeys keys;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void knowTheIssuersKeys() throws Exception {
        keys.check(); // as the periodic JWKS check does, without waiting for it
    }

    private static Response get(String path, String token) {
        return given().header("Authorization", "Bearer " + token).when().get(path);
    }

    @Test
    void aHitGivesTheSameCallerAsTheMiss() {
        String token =
                Tokens.anyone().tenant(tenant).roles("coach", "supervisor").token();
        Response miss = get("/test/caller", token);
        miss.then().statusCode(200);
        assertTrue(cache.holds(token));
        Response hit = get("/test/caller", token);
        hit.then().statusCode(200);
        assertEquals(miss.asString(), hit.asString());
        assertEquals(tenant, hit.jsonPath().getString("tenantId"));
        assertEquals(List.of("coach", "supervisor"), hit.jsonPath().getList("roles"));
        assertEquals(
                get("/test/caller/roles", token).asString(),
                get("/test/caller/roles", token).asString());
    }

    @Test
    void aCachedTokenIsRefusedOnceExpired() throws InterruptedException {
        Instant expiresAt = Instant.now().plus(Duration.ofSeconds(2));
        String token = Tokens.anyone()
                .tenant(tenant)
                .roles("coach")
                .expiresIn(Duration.between(Instant.now(), expiresAt))
                .token();
        get("/test/caller", token).then().statusCode(200);
        assertTrue(cache.holds(token));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis() + 50));
        get("/test/caller", token).then().statusCode(401);
        assertFalse(cache.holds(token));
    }

    private record Signed(String kid, String token) {}

    /** A token signed with a key the issuer has just published (and the check seen), verified once: cached. */
    private Signed cachedTokenOfANewKey() throws Exception {
        String kid = MockOidcIssuer.shared().addKey();
        keys.check();
        String token =
                Tokens.anyone().tenant(tenant).roles("coach").signedWith(kid).token();
        get("/test/caller", token).then().statusCode(200);
        assertTrue(cache.holds(token));
        return new Signed(kid, token);
    }

    @Test
    void aTokenOfAWithdrawnKeyIsRefusedOnceTheRotationIsNoticed() throws Exception {
        Signed signed = cachedTokenOfANewKey();
        String token = signed.token();

        MockOidcIssuer.shared().removeKey(signed.kid());
        keys.check();
        get("/test/caller", token).then().statusCode(401);
        assertFalse(cache.holds(token));
        String unaffected = Tokens.anyone().tenant(tenant).roles("coach").token();
        get("/test/caller", unaffected).then().statusCode(200);
    }

    /**
     * A key replaced under the same id (Keycloak makes a new id; other issuers may not): the cache lets go of
     * what the old key signed as soon as the check sees the new key, so OIDC decides again, as it would
     * without the cache.
     */
    @Test
    void aKeyReplacedUnderItsIdEmptiesTheCacheOnceNoticed() throws Exception {
        MockOidcIssuer issuer = MockOidcIssuer.shared();
        Signed signed = cachedTokenOfANewKey();
        String kid = signed.kid();
        String oldKeys = signed.token();
        try {
            issuer.replaceKey(kid);
            assertNotNull(cache.find(VerifiedTokens.hash(oldKeys)), "the replacement is not noticed yet");
            keys.check();
            assertNull(cache.find(VerifiedTokens.hash(oldKeys)));
            assertFalse(cache.holds(oldKeys));
        } finally {
            issuer.removeKey(kid);
            keys.check();
        }
    }

    @Test
    void aChangedSignatureIsRefusedThoughTheHeaderAndPayloadAreCached() throws Exception {
        String token = Tokens.anyone().tenant(tenant).roles("coach").token();
        get("/test/caller", token).then().statusCode(200);
        assertTrue(cache.holds(token));

        String signedPart = token.substring(0, token.lastIndexOf('.'));
        // The issuer's algorithm (ES256) in JOSE's form (r || s), so only the key differs.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        Signature stranger = Signature.getInstance("SHA256withECDSAinP1363Format");
        stranger.initSign(generator.generateKeyPair().getPrivate());
        stranger.update(signedPart.getBytes(StandardCharsets.US_ASCII));
        String forged =
                signedPart + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(stranger.sign());
        get("/test/caller", forged).then().statusCode(401);
        get("/test/caller", forged).then().statusCode(401);
        assertFalse(cache.holds(forged));
        get("/test/caller", token).then().statusCode(200);
    }

    @Test
    void tokensRefusedBeforeAreStillRefused() {
        List<String> refused = List.of(
                Tokens.anyone()
                        .tenant(tenant)
                        .roles("coach")
                        .audience("someone-else")
                        .token(),
                Tokens.anyone()
                        .tenant(tenant)
                        .roles("coach")
                        .issuer("http://127.0.0.1:1/realms/x")
                        .token(),
                Tokens.anyone().tenant(tenant).roles("coach").expired().token(),
                Tokens.anyone().tenant(tenant).roles("coach").signedByStranger().token());
        for (String token : refused) {
            for (int attempt = 0; attempt < 2; attempt++) {
                get("/test/caller", token).then().statusCode(401);
            }
            assertFalse(cache.holds(token));
        }
    }

    @Test
    void aTokenWithoutATenantLosesItsRolesOnAHitToo() {
        String token = Tokens.anyone().withoutTenant().roles("coach").token();
        for (int attempt = 0; attempt < 2; attempt++) {
            get("/test/caller/roles", token).then().statusCode(200).body(org.hamcrest.Matchers.equalTo("[]"));
            get("/test/gizmos", token).then().statusCode(403);
        }
        assertTrue(cache.holds(token));
    }

    /** The tenant claim is read off the OIDC principal's claims: a value that is no tenant id counts as none. */
    @Test
    void aTenantClaimThatIsNoTenantIdLosesTheRolesToo() {
        for (String notATenant : List.of("Acme Corp", "../acme", "-acme", "")) {
            String token = Tokens.anyone().tenant(notATenant).roles("coach").token();
            get("/test/caller/roles", token).then().statusCode(200).body(org.hamcrest.Matchers.equalTo("[]"));
            get("/test/gizmos", token).then().statusCode(403);
        }
    }

    @Test
    void theCacheStaysWithinItsBound() {
        String last = null;
        for (int i = 0; i < 30; i++) {
            last = Tokens.anyone().tenant(tenant).roles("coach").token();
            get("/test/caller", last).then().statusCode(200);
        }
        assertTrue(cache.size() <= 20, "size " + cache.size());
        assertTrue(cache.holds(last));
    }
}
