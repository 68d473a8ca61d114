package org.praxis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

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
        for (Path file : List.of(project().resolve("platform/src/main/resources/META-INF/microprofile-config.properties"),
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
        for (Path sources : List.of(project().resolve("platform/src/main/java"), project().resolve(service + "/src/main/java"))) {
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

    @Test
    void everyEnvironmentNameTheManifestsSetIsOneTheServiceReads() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (String overlay : List.of("dev", "prod")) {
            RenderedManifests m = RenderedManifests.of(overlay);
            for (JsonNode d : m.ofKind("Deployment")) {
                String service = RenderedManifests.name(d);
                Set<String> read = readBy(service).keySet();
                for (String name : environmentOf(m, d)) {
                    if (!read.contains(name)) {
                        unknown.add(overlay + " " + service + ": " + name);
                    }
                }
            }
        }
        assertEquals(List.of(), unknown, "names a service would silently ignore");
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
                if (local && !name.startsWith("QUARKUS_SMALLRYE_OPENAPI") && !given.contains(name)) {
                    missing.add(service + ": " + name + " (built-in " + value + ")");
                }
            });
            for (String required : List.of("PRAXIS_CRYPTO_KEYS", "PRAXIS_CRYPTO_ACTIVE_KEY", "QUARKUS_DATASOURCE_USERNAME",
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
            m.ofKind("ConfigMap").stream().filter(c -> cm.equals(RenderedManifests.name(c)))
                    .forEach(c -> c.path("data").fieldNames().forEachRemaining(names::add));
        }
        return names;
    }
}
