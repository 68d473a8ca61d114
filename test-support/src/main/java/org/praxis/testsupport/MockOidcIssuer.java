package org.praxis.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal OpenID provider for tests: discovery document and JWKS of its keys, on a free loopback
 * port. Its keys are ES256 (P-256), not Keycloak's default RS256: an RSA signature costs a C1-only test
 * JVM about 10 ms (no BigInteger intrinsics), and signing was 18-32 % of the service modules' test CPU;
 * ES256 signs in under 1 ms and verifies in about 1. The real Keycloak of the local stack (smoke test,
 * benchmarks) keeps RS256 checked. The services check real signatures, issuer, audience and expiry
 * against it; {@link Tokens} signs tokens with its key (or, to prove they are refused, with a stranger's).
 * A key-rotation test adds a key of its own ({@link #addKey}), signs with it ({@link Tokens#signedWith})
 * and withdraws it; the shared instance's own key is always published, so other tests never notice.
 */
public final class MockOidcIssuer {
    public static final String KEY_ID = "praxis-test-key";
    public static final String AUDIENCE = "praxis-api";

    private static MockOidcIssuer shared;

    private final KeyPair keys;
    private final String issuer;
    private final Map<String, KeyPair> published;
    /** Every key this issuer made, withdrawn ones too: a test signs with a key after withdrawing it. */
    private final Map<String, KeyPair> made = new ConcurrentHashMap<>();

    private MockOidcIssuer(KeyPair keys, String issuer, Map<String, KeyPair> published) {
        this.keys = keys;
        this.issuer = issuer;
        this.published = published;
        made.putAll(published);
    }

    public static synchronized MockOidcIssuer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockOidcIssuer start() {
        KeyPair keys = newKeyPair();
        Map<String, KeyPair> published = Collections.synchronizedMap(new LinkedHashMap<>());
        published.put(KEY_ID, keys);
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String issuer = "http://127.0.0.1:" + http.getAddress().getPort() + "/realms/praxis";
            String discovery = """
                    {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",\
                    "token_endpoint":"%1$s/protocol/openid-connect/token",\
                    "authorization_endpoint":"%1$s/protocol/openid-connect/auth",\
                    "id_token_signing_alg_values_supported":["ES256"]}""".formatted(issuer);
            http.createContext("/realms/praxis/.well-known/openid-configuration", ex -> reply(ex, discovery));
            http.createContext("/realms/praxis/protocol/openid-connect/certs", ex -> reply(ex, jwks(published)));
            http.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> http.stop(0)));
            return new MockOidcIssuer(keys, issuer, published);
        } catch (IOException e) {
            throw new UncheckedIOException("mock OIDC issuer did not start", e);
        }
    }

    private static String jwks(Map<String, KeyPair> published) {
        StringJoiner keys = new StringJoiner(",", "{\"keys\":[", "]}");
        synchronized (published) {
            published.forEach((kid, pair) -> {
                ECPublicKey key = (ECPublicKey) pair.getPublic();
                keys.add("""
                        {"kty":"EC","use":"sig","alg":"ES256","crv":"P-256","kid":"%s","x":"%s","y":"%s"}""".formatted(
                                kid,
                                coordinate(key.getW().getAffineX()),
                                coordinate(key.getW().getAffineY())));
            });
        }
        return keys.toString();
    }

    /** A P-256 coordinate as JWK wants it (RFC 7518 6.2.1.2): 32 bytes, big-endian, left-padded, no sign byte. */
    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public String issuer() {
        return issuer;
    }

    KeyPair keys() {
        return keys;
    }

    /** Publishes a new signing key in the JWKS; returns its {@code kid}. */
    public String addKey() {
        String kid = "rotating-" + UUID.randomUUID();
        KeyPair pair = newKeyPair();
        made.put(kid, pair);
        published.put(kid, pair);
        return kid;
    }

    /**
     * Publishes a new key pair under the id of a key {@link #addKey} published, as an issuer that reuses
     * key ids would; {@link Tokens#signedWith} then signs with the new one.
     */
    public void replaceKey(String kid) {
        // The shared issuer's own key stays, as in removeKey: other tests' reused tokens are signed with it.
        if (KEY_ID.equals(kid) || !made.containsKey(kid)) {
            throw new IllegalArgumentException("no key " + kid + " of addKey's");
        }
        KeyPair pair = newKeyPair();
        made.put(kid, pair);
        published.put(kid, pair);
    }

    /** Withdraws a key {@link #addKey} published; the issuer's own key stays. */
    public void removeKey(String kid) {
        if (KEY_ID.equals(kid)) {
            throw new IllegalArgumentException("the shared issuer's own key stays published");
        }
        published.remove(kid);
    }

    /** The private key of a key this issuer published, also after it was withdrawn. */
    PrivateKey signingKey(String kid) {
        KeyPair pair = made.get(kid);
        if (pair == null) {
            throw new IllegalArgumentException("no key " + kid);
        }
        return pair.getPrivate();
    }
}
