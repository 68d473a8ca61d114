package org.praxis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' production settings in the rendered overlays: Swagger UI off, JDBC over TLS that
 * verifies CloudNativePG's server certificate (Keycloak's connection too) (its CA mounted read-only, the host a name the
 * certificate carries), a field-encryption Secret of each service's own, no key material anywhere in
 * the manifests, and probes and monitoring on the management interface exactly when the services are
 * built with one.
 */
class ProductionConfigTest {

    private static Path project() {
        return RenderedManifests.k8s().getParent().getParent();
    }

    /** The ConfigMap values and literal env values of a Deployment's first container. */
    static Map<String, String> environment(RenderedManifests m, JsonNode deployment) {
        Map<String, String> env = new TreeMap<>();
        JsonNode c = deployment.at("/spec/template/spec/containers/0");
        for (JsonNode from : c.path("envFrom")) {
            String cm = from.at("/configMapRef/name").asText();
            m.ofKind("ConfigMap").stream()
                    .filter(x -> cm.equals(RenderedManifests.name(x)))
                    .forEach(x -> x.path("data")
                            .fields()
                            .forEachRemaining(
                                    e -> env.put(e.getKey(), e.getValue().asText())));
        }
        c.path("env").forEach(e -> {
            if (e.has("value")) {
                env.put(e.path("name").asText(), e.path("value").asText());
            }
        });
        return env;
    }

    /** The service's build-time properties as its jar carries them (platform defaults, then the service's own, %prod applied). */
    static Properties buildProperties(String service) {
        Properties merged = new Properties();
        for (Path file : List.of(
                project().resolve("platform/src/main/resources/META-INF/microprofile-config.properties"),
                project().resolve(service + "/src/main/resources/application.properties"))) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.stringPropertyNames().stream()
                    .filter(k -> !k.startsWith("%"))
                    .forEach(k -> merged.setProperty(k, p.getProperty(k)));
            p.stringPropertyNames().stream()
                    .filter(k -> k.startsWith("%prod."))
                    .forEach(k -> merged.setProperty(k.substring(6), p.getProperty(k)));
        }
        return merged;
    }

    // ------------------------------------------------------------------------------------------ Swagger UI

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void swaggerUiIsOff(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            String service = RenderedManifests.name(d);
            boolean included = Boolean.parseBoolean(
                    buildProperties(service).getProperty("quarkus.swagger-ui.always-include", "false"));
            // always-include builds Swagger UI into the prod jar; quarkus.swagger-ui.enabled is its run-time switch
            // (ConfigurationNamesTest checks the name is a run-time setting of the extension)
            if (included && !"false".equals(environment(m, d).get("QUARKUS_SWAGGER_UI_ENABLED"))) {
                problems.add(overlay + " " + service
                        + ": its image serves /q/swagger-ui; set QUARKUS_SWAGGER_UI_ENABLED=false");
            }
        }
        assertEquals(List.of(), problems);
    }

    // ------------------------------------------------------------------------------------ JDBC over TLS

    /** The problems with a Deployment's JDBC connection; empty when it verifies the CloudNativePG cluster's certificate. */
    static List<String> jdbcProblems(RenderedManifests m, JsonNode deployment) {
        String service = RenderedManifests.name(deployment);
        List<String> problems = new ArrayList<>();
        String url = environment(m, deployment).get("QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            return List.of(service + ": no PostgreSQL JDBC URL");
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                int eq = kv.indexOf('=');
                params.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        if (!"verify-full".equals(params.get("sslmode"))) {
            problems.add(service + ": sslmode=" + params.get("sslmode")
                    + ", not verify-full (encrypted, server certificate and host name checked)");
        }
        if (params.containsKey("sslfactory")) {
            problems.add(service + ": sslfactory=" + params.get("sslfactory")
                    + " replaces the verification sslrootcert gives");
        }
        // the cluster the host belongs to, and the names CloudNativePG puts in its server certificate
        JsonNode cluster = null;
        Set<String> certificateNames = new java.util.HashSet<>();
        for (JsonNode c : m.ofKind("Cluster")) {
            String name = RenderedManifests.name(c);
            String ns = c.at("/metadata/namespace")
                    .asText(m.ofKind("Namespace").get(0).at("/metadata/name").asText());
            Set<String> names = new java.util.HashSet<>();
            for (String svc : List.of(name + "-rw", name + "-r", name + "-ro")) {
                names.addAll(
                        List.of(svc, svc + "." + ns, svc + "." + ns + ".svc", svc + "." + ns + ".svc.cluster.local"));
            }
            c.at("/spec/certificates/serverAltDNSNames").forEach(n -> names.add(n.asText()));
            if (names.contains(uri.getHost())) {
                cluster = c;
                certificateNames = names;
            }
        }
        if (cluster == null) {
            problems.add(service + ": host " + uri.getHost()
                    + " is no name in a CloudNativePG cluster's server certificate");
            return problems;
        }
        if (!uri.getHost().contains("-rw")) {
            problems.add(
                    service + ": host " + uri.getHost() + " is not the read-write Service (writes need the primary)");
        }
        // the CA: the cluster's serverCASecret, or the one CloudNativePG makes, <cluster>-ca
        String caSecret =
                cluster.at("/spec/certificates/serverCASecret").asText(RenderedManifests.name(cluster) + "-ca");
        String rootCert = params.get("sslrootcert");
        if (rootCert == null) {
            problems.add(service + ": no sslrootcert (pgjdbc would look for ~/.postgresql/root.crt)");
        } else if (!mountedFromSecret(deployment, rootCert, caSecret, "ca.crt")) {
            problems.add(service + ": sslrootcert " + rootCert + " is not ca.crt of Secret " + caSecret
                    + " on a read-only volume");
        }
        // the database is the cluster's, owned by the role whose Secret the service logs in with
        String database = uri.getPath().replaceFirst("^/", "");
        String owner = null;
        JsonNode initdb = cluster.at("/spec/bootstrap/initdb");
        if (database.equals(initdb.path("database").asText())) {
            owner = initdb.path("owner").asText();
        }
        for (JsonNode db : m.ofKind("Database")) {
            if (database.equals(db.at("/spec/name").asText())
                    && RenderedManifests.name(cluster)
                            .equals(db.at("/spec/cluster/name").asText())) {
                owner = db.at("/spec/owner").asText();
            }
        }
        if (owner == null) {
            problems.add(service + ": database " + database + " is not created in cluster "
                    + RenderedManifests.name(cluster));
        } else {
            String roleSecret = owner.equals(initdb.path("owner").asText())
                    ? initdb.at("/secret/name").asText()
                    : null;
            for (JsonNode r : cluster.at("/spec/managed/roles")) {
                if (owner.equals(r.path("name").asText())) {
                    roleSecret = r.at("/passwordSecret/name").asText();
                }
            }
            for (JsonNode e : deployment.at("/spec/template/spec/containers/0/env")) {
                if (e.path("name").asText().startsWith("QUARKUS_DATASOURCE_")
                        && e.has("valueFrom")
                        && !e.at("/valueFrom/secretKeyRef/name").asText().equals(roleSecret)) {
                    problems.add(service + ": " + e.path("name").asText() + " from "
                            + e.at("/valueFrom/secretKeyRef/name").asText() + ", but " + database + "'s owner " + owner
                            + " has " + roleSecret);
                }
            }
        }
        assertFalse(certificateNames.isEmpty());
        return problems;
    }

    /** Whether a path in the container is the given key of the given Secret, mounted read-only. */
    static boolean mountedFromSecret(JsonNode deployment, String path, String secret, String key) {
        JsonNode pod = deployment.at("/spec/template/spec");
        for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
            String dir = mount.path("mountPath").asText().replaceAll("/+$", "");
            if (!path.startsWith(dir + "/") || !mount.path("readOnly").asBoolean(false)) {
                continue;
            }
            String file = path.substring(dir.length() + 1);
            for (JsonNode v : pod.path("volumes")) {
                if (!v.path("name").asText().equals(mount.path("name").asText())
                        || !secret.equals(v.at("/secret/secretName").asText())) {
                    continue;
                }
                JsonNode items = v.at("/secret/items");
                if (items.isMissingNode() || items.isEmpty()) {
                    return file.equals(key);
                }
                for (JsonNode item : items) {
                    if (key.equals(item.path("key").asText())
                            && file.equals(item.path("path").asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesVerifyPostgresqlsCertificate(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            problems.addAll(jdbcProblems(m, d));
            problems.addAll(caKeyProblems(d));
        }
        assertEquals(List.of(), problems, overlay);
    }

    /** Only the CA's certificate reaches the pod: {@code <cluster>-ca} also holds the CA's private key. */
    static List<String> caKeyProblems(JsonNode deployment) {
        List<String> problems = new ArrayList<>();
        for (JsonNode v : deployment.at("/spec/template/spec/volumes")) {
            if (v.at("/secret/secretName").asText().endsWith("-ca")
                    && (v.at("/secret/items").isMissingNode()
                            || v.at("/secret/items").isEmpty())) {
                problems.add(RenderedManifests.name(deployment) + ": mounts all of "
                        + v.at("/secret/secretName").asText() + ", its ca.key included");
            }
        }
        return problems;
    }

    /**
     * Keycloak's pods as the operator makes them, as far as its database connection goes: the JDBC URL
     * Keycloak builds from spec.db (jdbc:postgresql://host:port/database followed by db-url-properties, or
     * db.url alone), the volumes and mounts the pod template adds, the login from spec.db's Secrets.
     */
    static JsonNode keycloakAsDeployment(RenderedManifests m) {
        JsonNode kc = m.ofKind("Keycloak").get(0);
        JsonNode db = kc.at("/spec/db");
        String properties = "";
        for (JsonNode o : kc.at("/spec/additionalOptions")) {
            if ("db-url-properties".equals(o.path("name").asText())) {
                properties = o.path("value").asText();
            }
        }
        String url = db.hasNonNull("url")
                ? db.path("url").asText()
                : "jdbc:postgresql://" + db.path("host").asText("localhost") + ":"
                        + db.path("port").asInt(5432) + "/"
                        + db.path("database").asText("keycloak") + properties;
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode deployment = f.objectNode();
        deployment.putObject("metadata").put("name", RenderedManifests.name(kc));
        JsonNode template = kc.at("/spec/unsupported/podTemplate/spec");
        ObjectNode pod = template.isObject() ? ((ObjectNode) template).deepCopy() : f.objectNode();
        deployment.putObject("spec").putObject("template").set("spec", pod);
        if (!pod.path("containers").isArray() || pod.path("containers").isEmpty()) {
            pod.putArray("containers").addObject();
        }
        ObjectNode container = (ObjectNode) pod.path("containers").get(0);
        ArrayNode env = container.putArray("env");
        env.addObject().put("name", "QUARKUS_DATASOURCE_JDBC_URL").put("value", url);
        for (String[] login : List.of(
                new String[] {"QUARKUS_DATASOURCE_USERNAME", "usernameSecret"},
                new String[] {"QUARKUS_DATASOURCE_PASSWORD", "passwordSecret"})) {
            env.addObject()
                    .put("name", login[0])
                    .putObject("valueFrom")
                    .set("secretKeyRef", db.path(login[1]).deepCopy());
        }
        return deployment;
    }

    /** Keycloak's own connection verifies PostgreSQL's certificate as the services' does. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void keycloakVerifiesPostgresqlsCertificate(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        JsonNode keycloak = keycloakAsDeployment(m);
        List<String> problems = new ArrayList<>(jdbcProblems(m, keycloak));
        problems.addAll(caKeyProblems(keycloak));
        assertEquals(List.of(), problems, overlay);
    }

    @Test
    void theKeycloakCheckCatchesAnUnverifiedConnection() {
        RenderedManifests m = RenderedManifests.of("dev");
        ObjectNode kc = (ObjectNode) m.ofKind("Keycloak").get(0);
        ObjectNode option = null;
        for (JsonNode o : kc.at("/spec/additionalOptions")) {
            if ("db-url-properties".equals(o.path("name").asText())) {
                option = (ObjectNode) o;
            }
        }
        assertTrue(option != null, "no db-url-properties");
        String good = option.path("value").asText();
        ObjectNode db = (ObjectNode) kc.at("/spec/db");
        ObjectNode secret = (ObjectNode) kc.at("/spec/unsupported/podTemplate/spec/volumes/0/secret");
        JsonNode items = secret.path("items").deepCopy();
        try {
            option.put("value", good.replace("sslmode=verify-full", "sslmode=require"));
            assertTrue(jdbcProblems(m, keycloakAsDeployment(m)).stream().anyMatch(p -> p.contains("sslmode=require")));
            option.put("value", "");
            assertTrue(jdbcProblems(m, keycloakAsDeployment(m)).stream().anyMatch(p -> p.contains("sslmode=null")));
            option.put("value", good.replace("/etc/postgres-ca/", "/opt/keycloak/conf/truststores/"));
            assertTrue(jdbcProblems(m, keycloakAsDeployment(m)).stream()
                    .anyMatch(p -> p.contains("is not ca.crt of Secret praxis-db-ca")));
            option.put("value", good);
            db.put("host", "10.0.0.5");
            assertTrue(jdbcProblems(m, keycloakAsDeployment(m)).stream()
                    .anyMatch(p -> p.contains("no name in a CloudNativePG")));
            db.put("host", "praxis-db-rw");
            db.put("url", "jdbc:postgresql://praxis-db-rw:5432/keycloak");
            assertTrue(
                    jdbcProblems(m, keycloakAsDeployment(m)).stream().anyMatch(p -> p.contains("sslmode=null")),
                    "db.url replaces db-url-properties");
            db.remove("url");
            secret.remove("items");
            assertTrue(caKeyProblems(keycloakAsDeployment(m)).stream().anyMatch(p -> p.contains("ca.key included")));
            assertEquals(List.of(), jdbcProblems(m, keycloakAsDeployment(m)));
        } finally {
            option.put("value", good);
            db.put("host", "praxis-db-rw");
            db.remove("url");
            secret.set("items", items);
        }
    }

    @Test
    void theJdbcCheckCatchesAnUnverifiedConnection() {
        RenderedManifests m = RenderedManifests.of("dev");
        JsonNode d = m.ofKind("Deployment").get(0);
        assertEquals(List.of(), jdbcProblems(m, d));
        String service = RenderedManifests.name(d);
        String cm = d.at("/spec/template/spec/containers/0/envFrom/0/configMapRef/name")
                .asText();
        ObjectNode config = (ObjectNode) m.ofKind("ConfigMap").stream()
                .filter(c -> cm.equals(RenderedManifests.name(c)))
                .findFirst()
                .orElseThrow()
                .path("data");
        String good = config.path("QUARKUS_DATASOURCE_JDBC_URL").asText();
        try {
            config.put("QUARKUS_DATASOURCE_JDBC_URL", good.replace("sslmode=verify-full", "sslmode=require"));
            assertTrue(jdbcProblems(m, d).stream().anyMatch(p -> p.contains("sslmode=require")), service);
            config.put("QUARKUS_DATASOURCE_JDBC_URL", good.replace("praxis-db-rw", "10.0.0.5"));
            assertTrue(jdbcProblems(m, d).stream().anyMatch(p -> p.contains("no name in a CloudNativePG")), service);
            config.put(
                    "QUARKUS_DATASOURCE_JDBC_URL", good.replace("/etc/postgres-ca/ca.crt", "/etc/keycloak-ca/ca.crt"));
            assertTrue(
                    jdbcProblems(m, d).stream().anyMatch(p -> p.contains("is not ca.crt of Secret praxis-db-ca")),
                    service);
            config.put("QUARKUS_DATASOURCE_JDBC_URL", good + "&sslfactory=org.postgresql.ssl.NonValidatingFactory");
            assertTrue(jdbcProblems(m, d).stream().anyMatch(p -> p.contains("NonValidatingFactory")), service);
        } finally {
            config.put("QUARKUS_DATASOURCE_JDBC_URL", good);
        }
    }

    // ------------------------------------------------------------------------------- field encryption

    static final Set<String> CRYPTO_NAMES = Set.of("PRAXIS_CRYPTO_KEYS", "PRAXIS_CRYPTO_ACTIVE_KEY");

    /** Which Secret each service's encryption settings come from; problems when shared, inlined or mixed. */
    static List<String> encryptionSecretProblems(RenderedManifests m) {
        List<String> problems = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            String service = RenderedManifests.name(d);
            String shortName = service.substring(0, service.indexOf('-'));
            Set<String> secrets = new java.util.TreeSet<>();
            for (JsonNode e : d.at("/spec/template/spec/containers/0/env")) {
                if (!CRYPTO_NAMES.contains(e.path("name").asText())
                        && !e.path("name").asText().startsWith("PRAXIS_CRYPTO_")) {
                    continue;
                }
                String secret = e.at("/valueFrom/secretKeyRef/name").asText("");
                if (secret.isEmpty()) {
                    problems.add(service + ": " + e.path("name").asText() + " is not taken from a Secret");
                    continue;
                }
                secrets.add(secret);
            }
            if (secrets.size() != 1) {
                problems.add(service + ": encryption settings from " + secrets.size() + " Secrets " + secrets
                        + ", expected its own one");
                continue;
            }
            String secret = secrets.iterator().next();
            if (!secret.contains(shortName)) {
                problems.add(service + ": encryption Secret " + secret + " does not name the service");
            }
            String previous = owner.put(secret, service);
            if (previous != null) {
                problems.add(service + " and " + previous + " share the encryption Secret " + secret);
            }
        }
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceHasItsOwnEncryptionSecret(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        assertEquals(List.of(), encryptionSecretProblems(m), overlay);
    }

    @Test
    void aSharedEncryptionSecretIsCaught() {
        RenderedManifests m = RenderedManifests.of("dev");
        JsonNode first = m.ofKind("Deployment").get(0);
        String shared = null;
        for (JsonNode e : first.at("/spec/template/spec/containers/0/env")) {
            if ("PRAXIS_CRYPTO_KEYS".equals(e.path("name").asText())) {
                shared = e.at("/valueFrom/secretKeyRef/name").asText();
            }
        }
        for (JsonNode d : m.ofKind("Deployment")) {
            for (JsonNode e : d.at("/spec/template/spec/containers/0/env")) {
                if (e.path("name").asText().startsWith("PRAXIS_CRYPTO_")) {
                    ((ObjectNode) e.at("/valueFrom/secretKeyRef")).put("name", shared);
                }
            }
        }
        List<String> problems = encryptionSecretProblems(m);
        assertTrue(
                problems.stream()
                                .filter(p -> p.contains("share the encryption Secret"))
                                .count()
                        == RenderedManifests.SERVICES.size() - 1,
                String.join("\n", problems));
    }

    // --------------------------------------------------------------------------- no committed key

    private static final Pattern BASE64 =
            Pattern.compile("(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{20,}={0,2}(?![A-Za-z0-9+/=_-])");
    private static final Pattern HEX =
            Pattern.compile("(?<![0-9A-Za-z:])(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{48}|[0-9a-fA-F]{64})(?![0-9A-Za-z])");
    private static final Pattern PEM_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

    /** Key-sized secrets in a text: base64 of 16, 24, 32 or 64 bytes (AES keys, HMAC keys), hex of the same, PEM private keys. */
    static List<String> keyMaterial(String where, String text) {
        List<String> found = new ArrayList<>();
        Matcher b = BASE64.matcher(text);
        while (b.find()) {
            String token = b.group();
            byte[] bytes = decode(token);
            if (bytes != null
                    && Set.of(16, 24, 32, 64).contains(bytes.length)
                    && token.matches(".*[0-9+/=].*|A{20,}.*")) {
                found.add(where + ": " + bytes.length + "-byte value " + token.substring(0, 6) + "…"
                        + (allZero(bytes) ? " (all zero)" : ""));
            }
        }
        Matcher h = HEX.matcher(text);
        while (h.find()) {
            found.add(where + ": hex value " + h.group().substring(0, 6) + "…");
        }
        if (PEM_KEY.matcher(text).find()) {
            found.add(where + ": a PEM private key");
        }
        return found;
    }

    private static byte[] decode(String token) {
        for (Base64.Decoder d : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                return d.decode(token);
            } catch (IllegalArgumentException e) {
                // try the other alphabet
            }
        }
        return null;
    }

    private static boolean allZero(byte[] bytes) {
        for (byte x : bytes) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** Every file of the manifests and the README, and each rendered overlay. */
    @Test
    void noKeyIsCommittedInTheManifests() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(
                Files.walk(RenderedManifests.k8s().resolve("base")),
                Files.walk(RenderedManifests.k8s().resolve("overlays")))) {
            files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
        }
        files.add(RenderedManifests.k8s().resolve("README.md"));
        for (Path f : files) {
            found.addAll(keyMaterial(
                    RenderedManifests.k8s().relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8)));
        }
        for (String overlay : List.of("dev", "prod")) {
            RenderedManifests m = RenderedManifests.of(overlay);
            for (JsonNode d : m.documents) {
                found.addAll(keyMaterial(
                        "overlays/" + overlay + " " + d.path("kind").asText() + "/" + RenderedManifests.name(d),
                        d.toString()));
            }
            // no encryption setting may carry a value of its own, key or placeholder
            for (JsonNode d : m.ofKind("Deployment")) {
                for (JsonNode e : d.at("/spec/template/spec/containers/0/env")) {
                    if (e.path("name").asText().startsWith("PRAXIS_CRYPTO_") && e.has("value")) {
                        found.add(overlay + " " + RenderedManifests.name(d) + ": "
                                + e.path("name").asText() + " has a literal value");
                    }
                }
            }
            for (JsonNode c : m.ofKind("ConfigMap")) {
                c.path("data").fieldNames().forEachRemaining(k -> {
                    if (k.startsWith("PRAXIS_CRYPTO_")) {
                        found.add(overlay + " ConfigMap " + RenderedManifests.name(c) + ": " + k);
                    }
                });
            }
        }
        assertEquals(
                List.of(), found, "key material belongs in Secrets created out of band (README, 'Secrets you create')");
    }

    @Test
    void theKeyScanFindsAPlantedKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String zero = Base64.getEncoder().encodeToString(new byte[32]);
        String key = Base64.getEncoder().encodeToString(random);
        assertEquals(
                1, keyMaterial("t", "  PRAXIS_CRYPTO_KEYS: k1:" + zero + "\n").size());
        assertTrue(keyMaterial("t", "keys: k1:" + zero).get(0).contains("all zero"));
        assertEquals(1, keyMaterial("t", "keys: 'k1:" + key + "'").size());
        assertEquals(
                1,
                keyMaterial(
                                "t",
                                "keys=old:"
                                        + Base64.getUrlEncoder()
                                                .withoutPadding()
                                                .encodeToString(random))
                        .size());
        assertEquals(
                1, keyMaterial("t", "key: " + HexFormat.of().formatHex(random)).size());
        assertEquals(1, keyMaterial("t", "-----BEGIN PRIVATE KEY-----\nMIIE...").size());
        // what the manifests legitimately carry is not a key
        assertEquals(
                List.of(),
                keyMaterial(
                        "t",
                        "image: registry.example.org/praxis/intake-service:0.1.0\nname: praxis-field-encryption-intake\n"
                                + "path: /intake-service/v1/((?:audit-events|dead-letters|subjects)(?:/.*)?)$\nsecretName: praxis-kafka-cluster-ca-cert"));
    }

    // ------------------------------------------------------------------ management interface, when built

    /**
     * quarkus.management.enabled is fixed at build time. Built with it, /q/health and /q/metrics move to
     * the management port (quarkus.management.port, 9000) and the http port no longer serves them: the
     * probes and the ServiceMonitor must follow, and no Ingress may reach that port. Built without, they
     * stay on http (which the Ingress never routes under /q, RoutingTest). Either way the manifests must
     * match the build.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void probesAndMonitoringUseThePortTheBuildServesHealthOn(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            String service = RenderedManifests.name(d);
            Properties build = buildProperties(service);
            boolean management = Boolean.parseBoolean(build.getProperty("quarkus.management.enabled", "false"));
            JsonNode c0 = d.at("/spec/template/spec/containers/0");
            Map<String, Integer> ports = new LinkedHashMap<>();
            c0.path("ports")
                    .forEach(p -> ports.put(
                            p.path("name").asText(), p.path("containerPort").asInt()));
            String healthPortName = management ? "management" : "http";
            int healthPort = management
                    ? Integer.parseInt(build.getProperty("quarkus.management.port", "9000"))
                    : Integer.parseInt(environment(m, d).getOrDefault("QUARKUS_HTTP_PORT", "8080"));
            if (!Integer.valueOf(healthPort).equals(ports.get(healthPortName))) {
                problems.add(service + ": built with management " + (management ? "on" : "off")
                        + ", needs container port " + healthPortName + " = " + healthPort + "; has " + ports);
            }
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                JsonNode port = c0.at("/" + probe + "/httpGet/port");
                if (!(healthPortName.equals(port.asText()) || port.asInt(-1) == healthPort)) {
                    problems.add(service + ": " + probe + " on " + port + ", health is served on " + healthPortName);
                }
            }
            for (JsonNode sm : m.ofKind("ServiceMonitor")) {
                if (!service.equals(sm.at("/spec/selector/matchLabels/app.kubernetes.io~1name")
                        .asText())) {
                    continue;
                }
                for (JsonNode ep : sm.at("/spec/endpoints")) {
                    String servicePort = ep.path("port").asText();
                    String target = m.ofKind("Service").stream()
                            .filter(s -> service.equals(RenderedManifests.name(s)))
                            .flatMap(s -> java.util.stream.StreamSupport.stream(
                                    s.at("/spec/ports").spliterator(), false))
                            .filter(p -> servicePort.equals(p.path("name").asText()))
                            .map(p -> p.path("targetPort").asText())
                            .findFirst()
                            .orElse(null);
                    if (!healthPortName.equals(target)
                            || !ep.path("path").asText().equals("/q/metrics")) {
                        problems.add(service + ": ServiceMonitor scrapes "
                                + ep.path("path").asText() + " on Service port " + servicePort + " (target " + target
                                + "), metrics are served on " + healthPortName);
                    }
                }
            }
            if (management) {
                for (JsonNode ing : m.ofKind("Ingress")) {
                    for (JsonNode rule : ing.at("/spec/rules")) {
                        for (JsonNode p : rule.at("/http/paths")) {
                            if (service.equals(p.at("/backend/service/name").asText())
                                    && !"http"
                                            .equals(p.at("/backend/service/port/name")
                                                    .asText())) {
                                problems.add(service + ": Ingress " + RenderedManifests.name(ing) + " reaches port "
                                        + p.at("/backend/service/port"));
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems, overlay);
    }
}
