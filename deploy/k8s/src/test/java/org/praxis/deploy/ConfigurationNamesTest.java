package org.praxis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.tls.runtime.config.TlsBucketConfig;
import io.quarkus.tls.runtime.config.TlsConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The environment the manifests give each service names only settings the service reads, and sets
 * every setting whose built-in value only works on a developer's machine (loopback addresses, the
 * throw-away encryption key).
 */
class ConfigurationNamesTest {
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"");
    private static final Pattern ENV_EXPRESSION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):");

    private static Path project() {
        return RenderedManifests.k8s().getParent().getParent();
    }

    /** MicroProfile Config's environment-variable form of a property name. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Environment names the service reads, each with the built-in value it would otherwise use. */
    static Map<String, String> readBy(String service) throws IOException {
        Map<String, String> read = new TreeMap<>();
        for (Path file : List.of(
                project().resolve("platform/src/main/resources/META-INF/microprofile-config.properties"),
                project().resolve(service + "/src/main/resources/application.properties"))) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                read.put(envName(key.replaceFirst("^%\\w+\\.", "")), key.startsWith("%") ? "(profile only)" : value);
                Matcher m = ENV_EXPRESSION.matcher(value);
                while (m.find()) {
                    read.put(m.group(1), value);
                }
            }
        }
        for (Path sources :
                List.of(project().resolve("platform/src/main/java"), project().resolve(service + "/src/main/java"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                    Matcher m = CONFIG_PROPERTY.matcher(Files.readString(f));
                    while (m.find()) {
                        read.putIfAbsent(envName(m.group(1)), "(no default)");
                    }
                }
            }
        }
        return read;
    }

    /**
     * Quarkus's own settings, from the config model every extension jar carries
     * (META-INF/quarkus-config-doc/quarkus-config-model.json): environment-name pattern to phase. Named
     * segments (a tenant, a TLS configuration: {@code __NAME__}) match any name.
     */
    static Map<Pattern, String> quarkusSettings() throws IOException {
        Map<Pattern, String> settings = new java.util.LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (URL model : Collections.list(ConfigurationNamesTest.class
                .getClassLoader()
                .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json"))) {
            try (var in = model.openStream()) {
                collect(json.readTree(in), settings);
            }
        }
        return settings;
    }

    private static void collect(JsonNode node, Map<Pattern, String> settings) {
        if (node.isObject() && node.has("phase") && node.has("path")) {
            List<JsonNode> paths = new ArrayList<>();
            paths.add(node.path("path"));
            node.path("additionalPaths").forEach(paths::add);
            for (JsonNode p : paths) {
                String env = p.path("environmentVariable").asText();
                if (!env.isEmpty()) {
                    String regex =
                            Pattern.quote(env).replaceAll("__[A-Z0-9]+(?:_[A-Z0-9]+)*__", "\\\\E__[A-Z0-9_]+__\\\\Q");
                    settings.put(Pattern.compile(regex), node.path("phase").asText());
                }
            }
            return;
        }
        node.forEach(child -> collect(child, settings));
    }

    static String quarkusPhase(Map<Pattern, String> settings, String name) {
        return settings.entrySet().stream()
                .filter(e -> e.getKey().matcher(name).matches())
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    @Test
    void theQuarkusConfigModelIsOnTheClasspath() throws IOException {
        Map<Pattern, String> settings = quarkusSettings();
        assertEquals("RUN_TIME", quarkusPhase(settings, "QUARKUS_OIDC_TOKEN_ISSUER"));
        assertEquals("RUN_TIME", quarkusPhase(settings, "QUARKUS_TLS__KEYCLOAK__TRUST_STORE_PEM_CERTS"));
        assertEquals(
                "BUILD_AND_RUN_TIME_FIXED",
                quarkusPhase(settings, "QUARKUS_MANAGEMENT_ENABLED"),
                "management interface: fixed at build time");
        assertEquals(
                "RUN_TIME",
                quarkusPhase(settings, "QUARKUS_SWAGGER_UI_ENABLED"),
                "Swagger UI: switched off at run time");
    }

    @Test
    void everyEnvironmentNameTheManifestsSetIsOneTheServiceReads() throws IOException {
        Map<Pattern, String> quarkus = quarkusSettings();
        List<String> unknown = new ArrayList<>();
        for (String overlay : List.of("dev", "prod")) {
            RenderedManifests m = RenderedManifests.of(overlay);
            for (JsonNode d : m.ofKind("Deployment")) {
                String service = RenderedManifests.name(d);
                Set<String> read = readBy(service).keySet();
                for (String name : environmentOf(m, d)) {
                    String phase = quarkusPhase(quarkus, name);
                    if (phase != null && !"RUN_TIME".equals(phase)) {
                        unknown.add(overlay + " " + service + ": " + name + " (fixed at build time: " + phase + ")");
                    } else if (!read.contains(name) && phase == null) {
                        unknown.add(overlay + " " + service + ": " + name);
                    }
                }
            }
        }
        assertEquals(List.of(), unknown, "names a service would silently ignore");
    }

    /**
     * The services fetch Keycloak's discovery document and keys from its Service inside the cluster, over
     * TLS they trust, and accept only tokens whose issuer is the public URL Keycloak puts in them.
     */
    @Test
    void theServicesFetchKeysInsideTheClusterAndAcceptThePublicIssuer() {
        for (String overlay : List.of("dev", "prod")) {
            RenderedManifests m = RenderedManifests.of(overlay);
            JsonNode keycloak = m.ofKind("Keycloak").get(0);
            String realm = m.ofKind("KeycloakRealmImport")
                    .get(0)
                    .at("/spec/realm/realm")
                    .asText();
            String hostname = keycloak.at("/spec/hostname/hostname").asText();
            assertTrue(
                    hostname.startsWith("https://"), "hostname as a URL, which backchannelDynamic needs: " + hostname);
            assertTrue(
                    keycloak.at("/spec/hostname/backchannelDynamic").asBoolean(false),
                    "backchannel URLs (jwks_uri) follow the internal address the services call");
            String internal = "https://" + RenderedManifests.name(keycloak) + "-service:"
                    + keycloak.at("/spec/http/httpsPort").asInt(8443) + "/realms/" + realm;
            for (JsonNode d : m.ofKind("Deployment")) {
                String service = RenderedManifests.name(d);
                Map<String, String> env = configOf(m, d);
                assertEquals(internal, env.get("QUARKUS_OIDC_AUTH_SERVER_URL"), overlay + " " + service);
                assertEquals(
                        hostname + "/realms/" + realm, env.get("QUARKUS_OIDC_TOKEN_ISSUER"), overlay + " " + service);
                String tls = env.get("QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME");
                String ca = env.get("QUARKUS_TLS__" + String.valueOf(tls).toUpperCase() + "__TRUST_STORE_PEM_CERTS");
                assertTrue(ca != null, overlay + " " + service + ": a trust store for TLS configuration " + tls);
                boolean mounted = false;
                for (JsonNode mount : d.at("/spec/template/spec/containers/0/volumeMounts")) {
                    mounted |= ca.startsWith(mount.path("mountPath").asText() + "/");
                }
                assertTrue(mounted, overlay + " " + service + ": " + ca + " is on no volume");
                assertTrue(URI.create(internal).getHost().equals(RenderedManifests.name(keycloak) + "-service"));
            }
        }
    }

    /**
     * The rendered environment, read by SmallRye Config the way the service reads it, gives the OIDC client
     * a named TLS configuration that exists and trusts the mounted CA: environment names of named
     * configurations ({@code QUARKUS_TLS__<NAME>__...}) are easy to get subtly wrong, and a wrong one is
     * silently ignored.
     */
    @Test
    void theOidcTlsConfigurationResolvesFromTheRenderedEnvironment() {
        for (String overlay : List.of("dev", "prod")) {
            RenderedManifests m = RenderedManifests.of(overlay);
            for (JsonNode d : m.ofKind("Deployment")) {
                Map<String, String> env = configOf(m, d);
                SmallRyeConfig config = new SmallRyeConfigBuilder()
                        .withSources(new EnvConfigSource(env, 300))
                        .withConverter(Duration.class, 200, new DurationConverter())
                        .withMapping(TlsConfig.class)
                        .build();
                String name = config.getValue("quarkus.oidc.tls.tls-configuration-name", String.class);
                TlsBucketConfig bucket = config.getConfigMapping(TlsConfig.class)
                        .namedCertificateConfig()
                        .get(name);
                String where = overlay + " " + RenderedManifests.name(d);
                assertTrue(bucket != null, where + ": no TLS configuration named " + name);
                assertEquals(
                        Optional.of(List.of(
                                Path.of(env.get("QUARKUS_TLS__" + name.toUpperCase() + "__TRUST_STORE_PEM_CERTS")))),
                        bucket.trustStore().flatMap(t -> t.pem()).flatMap(p -> p.certs()),
                        where);
                assertEquals(
                        env.get("QUARKUS_OIDC_TOKEN_ISSUER"),
                        config.getValue("quarkus.oidc.token.issuer", String.class),
                        where);
            }
        }
    }

    /** The ConfigMap values a Deployment's container takes whole (the names come from environmentOf). */
    private static Map<String, String> configOf(RenderedManifests m, JsonNode deployment) {
        Map<String, String> values = new TreeMap<>();
        for (JsonNode from : deployment.at("/spec/template/spec/containers/0/envFrom")) {
            String cm = from.at("/configMapRef/name").asText();
            m.ofKind("ConfigMap").stream()
                    .filter(c -> cm.equals(RenderedManifests.name(c)))
                    .forEach(c -> c.path("data")
                            .fields()
                            .forEachRemaining(
                                    e -> values.put(e.getKey(), e.getValue().asText())));
        }
        return values;
    }

    @Test
    void everySettingThatOnlyWorksOnADevelopersMachineIsOverridden() throws IOException {
        List<String> missing = new ArrayList<>();
        RenderedManifests m = RenderedManifests.of("prod");
        for (JsonNode d : m.ofKind("Deployment")) {
            String service = RenderedManifests.name(d);
            Set<String> given = environmentOf(m, d);
            readBy(service).forEach((name, value) -> {
                boolean local = value.contains("127.0.0.1") || value.contains("localhost");
                // The OpenAPI document's settings are written into it at build time (the document is not
                // routed in a deployment), so an environment variable could not change them.
                boolean document = name.startsWith("QUARKUS_SMALLRYE_OPENAPI")
                        || name.startsWith("MP_OPENAPI")
                        || name.startsWith("PRAXIS_OPENAPI");
                if (local && !document && !given.contains(name)) {
                    missing.add(service + ": " + name + " (built-in " + value + ")");
                }
            });
            for (String required : List.of(
                    "PRAXIS_CRYPTO_KEYS",
                    "PRAXIS_CRYPTO_ACTIVE_KEY",
                    "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD")) {
                if (!given.contains(required)) {
                    missing.add(service + ": " + required);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The names a Deployment's container gets: its env and every key of the ConfigMaps it takes whole. */
    private static Set<String> environmentOf(RenderedManifests m, JsonNode deployment) {
        Set<String> names = new HashSet<>();
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode from : container.path("envFrom")) {
            String cm = from.at("/configMapRef/name").asText();
            m.ofKind("ConfigMap").stream()
                    .filter(c -> cm.equals(RenderedManifests.name(c)))
                    .forEach(c -> c.path("data").fieldNames().forEachRemaining(names::add));
        }
        return names;
    }
}
