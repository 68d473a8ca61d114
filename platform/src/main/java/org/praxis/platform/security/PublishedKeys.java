package org.praxis.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.praxis.platform.PraxisConfig;

/**
 * The issuer's signing keys as this service last fetched them (its JWKS, every
 * {@code praxis.security.token-cache.jwks-check-interval}). Quarkus OIDC re-reads the JWKS only when a
 * token names a key it does not know, so it would go on accepting a key the issuer withdrew; the token
 * cache must not, so it looks here: an entry holds only while its key is still published unchanged, and a
 * token of a withdrawn key is refused before OIDC sees it.
 */
@ApplicationScoped
public class PublishedKeys {
    private static final Logger LOG = Logger.getLogger(PublishedKeys.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @Inject
    PraxisConfig config;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.oidc.tls.tls-configuration-name")
    Optional<String> tlsConfigurationName;

    @Inject
    TlsConfigurationRegistry tlsConfigurations;

    private volatile HttpClient http;
    private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();
    private final AtomicLong changes = new AtomicLong();
    private volatile Map<String, String> published = Map.of();
    private volatile URI jwksUri;
    private volatile Thread worker;

    void onStart(@Observes StartupEvent event) {
        if (!config.security().tokenCache().enabled()) {
            return;
        }
        Duration interval = config.security().tokenCache().jwksCheckInterval();
        worker = new Thread(() -> loop(interval), "jwks-check");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread w = worker;
        if (w != null) {
            w.interrupt();
        }
    }

    private void loop(Duration interval) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                check();
                if (interval.isZero()) {
                    return;
                }
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                // The last keys fetched stay in force; cached entries still end at exp and max-age.
                LOG.warnf("could not fetch the issuer's JWKS: %s", e.toString());
                sleepQuietly(interval.isZero() ? TIMEOUT : interval);
            }
        }
    }

    /** Fetches the JWKS now and notes every key withdrawn or replaced since the last fetch. */
    public synchronized void check() throws IOException, InterruptedException {
        if (jwksUri == null) {
            jwksUri = URI.create(get(URI.create(issuer + "/.well-known/openid-configuration"))
                    .path("jwks_uri")
                    .asText());
        }
        Map<String, String> now = new HashMap<>();
        for (JsonNode key : get(jwksUri).path("keys")) {
            if (key.path("kid").isTextual()) {
                now.put(key.get("kid").asText(), key.toString());
            }
        }
        boolean changed = false;
        for (Map.Entry<String, String> before : published.entrySet()) {
            String after = now.get(before.getKey());
            if (!before.getValue().equals(after)) {
                changed = true;
                if (after == null) {
                    withdrawn.add(before.getKey());
                }
            }
        }
        withdrawn.removeAll(now.keySet());
        published = Map.copyOf(now);
        if (changed) {
            changes.incrementAndGet();
        }
    }

    /** The published key of that id as fetched (its JWK), or null when it is not published. */
    String material(String keyId) {
        return keyId == null ? null : published.get(keyId);
    }

    boolean isWithdrawn(String keyId) {
        return keyId != null && withdrawn.contains(keyId);
    }

    /** Grows each time a key was withdrawn or replaced: the token cache flushes when it moves. */
    long changes() {
        return changes.get();
    }

    /** The {@code kid} of a compact JWS's header, or null: reads only the header, never trusts it. */
    String keyIdOf(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            JsonNode kid = json.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)))
                    .path("kid");
            return kid.isTextual() ? kid.asText() : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Trusts the issuer the way OIDC does: in Kubernetes through the named TLS configuration that holds the
     * cluster's CA (the JDK's default trust store would refuse Keycloak's certificate, and nothing would
     * ever be cached or withdrawn).
     */
    private HttpClient http() throws IOException {
        HttpClient client = http;
        if (client == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
            Optional<TlsConfiguration> tls = tlsConfigurationName.flatMap(tlsConfigurations::get);
            if (tlsConfigurationName.isPresent() && tls.isEmpty()) {
                throw new IOException("no TLS configuration named " + tlsConfigurationName.get());
            }
            if (tls.isPresent()) {
                try {
                    builder.sslContext(tls.get().createSSLContext());
                } catch (Exception e) {
                    throw new IOException("TLS configuration " + tlsConfigurationName.get() + " unusable", e);
                }
            }
            client = builder.build();
            http = client;
        }
        return client;
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http().send(
                        HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
