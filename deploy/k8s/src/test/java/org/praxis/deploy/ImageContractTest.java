package org.praxis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Deployments run the images as deploy/image builds them: the user and group the image's config
 * names and deploy/image/check started them as, the ports it exposes (http for the API, management for
 * /q/health and /q/metrics, every probe on the management port), a writable
 * {@code /tmp} from an emptyDir with a size (the root is read-only), the image name the build tags.
 * The contract is the block in deploy/image/lib.sh that the image scripts use, and deploy/image is the
 * only definition of the images: no Dockerfile and no Jib or container-image build elsewhere, which
 * could build an image on another base or as another user than the one checked.
 */
class ImageContractTest {

    static Map<String, String> contract() {
        Path lib = RenderedManifests.k8s().resolve("../image/lib.sh").normalize();
        try {
            String text = Files.readString(lib);
            Matcher block = Pattern.compile("# image contract[^\\n]*\\n(.*?)# end of image contract", Pattern.DOTALL)
                    .matcher(text);
            assertTrue(block.find(), "no image contract block in " + lib);
            Map<String, String> c = new LinkedHashMap<>();
            Matcher kv = Pattern.compile("(?m)^([A-Z_]+)=(\\S+)$").matcher(block.group(1));
            while (kv.find()) {
                c.put(kv.group(1), kv.group(2));
            }
            for (String k :
                    List.of("APP_UID", "APP_GID", "APP_PORT", "APP_MANAGEMENT_PORT", "TMP_DIR", "IMAGE_GROUP")) {
                assertTrue(c.containsKey(k), k + " missing from the image contract in " + lib);
            }
            return c;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void deploymentsRunTheImageAsItWasBuiltAndChecked(String overlay) {
        Map<String, String> c = contract();
        int uid = Integer.parseInt(c.get("APP_UID"));
        int gid = Integer.parseInt(c.get("APP_GID"));
        int port = Integer.parseInt(c.get("APP_PORT"));
        int managementPort = Integer.parseInt(c.get("APP_MANAGEMENT_PORT"));
        assertTrue(uid > 0 && gid > 0, "the image runs as root");
        List<String> problems = new ArrayList<>();
        for (JsonNode d : RenderedManifests.of(overlay).ofKind("Deployment")) {
            String name = RenderedManifests.name(d);
            JsonNode pod = d.at("/spec/template/spec");
            JsonNode c0 = pod.path("containers").get(0);
            int runAsUser = c0.at("/securityContext/runAsUser")
                    .asInt(pod.at("/securityContext/runAsUser").asInt(-1));
            int runAsGroup = c0.at("/securityContext/runAsGroup")
                    .asInt(pod.at("/securityContext/runAsGroup").asInt(-1));
            if (runAsUser != uid || runAsGroup != gid) {
                problems.add(name + ": runs as " + runAsUser + ":" + runAsGroup + ", the image as " + uid + ":" + gid);
            }
            if (pod.at("/securityContext/fsGroup").asInt(-1) != gid) {
                problems.add(name + ": fsGroup is not the image's group " + gid);
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            c0.path("ports")
                    .forEach(p -> ports.put(
                            p.path("name").asText(), p.path("containerPort").asInt()));
            if (!Integer.valueOf(port).equals(ports.get("http"))) {
                problems.add(name + ": container port http is not " + port + " (the image's exposed API port); has "
                        + ports);
            }
            if (!Integer.valueOf(managementPort).equals(ports.get("management"))) {
                problems.add(name + ": container port management is not " + managementPort
                        + " (the image's exposed management port); has " + ports);
            }
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                JsonNode p = c0.at("/" + probe + "/httpGet/port");
                int resolved = p.isInt() ? p.asInt() : ports.getOrDefault(p.asText(), -1);
                if (resolved != managementPort) {
                    problems.add(name + ": " + probe + " on " + p + " (" + resolved + "), the image serves health on "
                            + managementPort);
                }
            }
            String tmpVolume = null;
            for (JsonNode m : c0.path("volumeMounts")) {
                if (c.get("TMP_DIR").equals(m.path("mountPath").asText())) {
                    tmpVolume = m.path("name").asText();
                }
            }
            boolean tmpIsSizedEmptyDir = false;
            for (JsonNode v : pod.path("volumes")) {
                if (v.path("name").asText().equals(tmpVolume)
                        && v.has("emptyDir")
                        && v.at("/emptyDir/sizeLimit").isTextual()) {
                    tmpIsSizedEmptyDir = true;
                }
            }
            if (!tmpIsSizedEmptyDir) {
                problems.add(name + ": " + c.get("TMP_DIR")
                        + " is not an emptyDir with a sizeLimit (the root is read-only)");
            }
            String image = c0.path("image").asText();
            if (!image.matches("([a-z0-9.-]+(:\\d+)?/)?" + Pattern.quote(c.get("IMAGE_GROUP") + "/" + name)
                    + ":[A-Za-z0-9._-]+")) {
                problems.add(name + ": image " + image + " is not " + c.get("IMAGE_GROUP") + "/" + name + ":<tag>");
            }
        }
        assertEquals(List.of(), problems);
    }

    private static final Set<String> NOT_SOURCES = Set.of(".git", "target", "node_modules", ".cache", ".run");
    private static final Pattern OTHER_IMAGE_BUILD = Pattern.compile(
            "quarkus-container-image|jib-maven-plugin|quarkus\\.jib\\.|quarkus\\.container-image\\.|docker-maven-plugin");

    /** Image definitions other than deploy/image's under a project root: Dockerfiles, Containerfiles, Jib or container-image builds. */
    static List<String> otherImageDefinitions(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Path rel = root.relativize(f);
                boolean generated = false;
                for (Path part : rel) {
                    generated |= NOT_SOURCES.contains(part.toString());
                }
                String name = f.getFileName().toString();
                if (generated) {
                    continue;
                }
                if (name.startsWith("Dockerfile") || name.startsWith("Containerfile") || name.endsWith(".dockerfile")) {
                    found.add(rel + ": a Dockerfile");
                } else if (name.equals("pom.xml") || name.matches("application.*\\.(properties|ya?ml)")) {
                    Matcher m = OTHER_IMAGE_BUILD.matcher(Files.readString(f));
                    if (m.find()) {
                        found.add(rel + ": " + m.group());
                    }
                }
            }
        }
        return found;
    }

    @Test
    void deployImageIsTheOnlyImageDefinition() throws IOException {
        Path project = RenderedManifests.k8s().getParent().getParent();
        assertEquals(
                List.of(),
                otherImageDefinitions(project),
                "the images are built by deploy/image (Debian base, uid "
                        + contract().get("APP_UID") + ", checked read-only by deploy/image/check);"
                        + " another definition would build an image nobody checked");
    }

    @Test
    void anotherImageDefinitionIsFound(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("svc/src/main/docker"));
        Files.writeString(
                root.resolve("svc/src/main/docker/Dockerfile.jvm"),
                "FROM registry.access.redhat.com/ubi9/openjdk-17-runtime\nUSER 185\n");
        Files.writeString(root.resolve("pom.xml"), "<properties><quarkus.jib.user>185</quarkus.jib.user></properties>");
        Files.createDirectories(root.resolve("svc/src/main/resources"));
        Files.writeString(
                root.resolve("svc/src/main/resources/application.properties"), "quarkus.container-image.build=true\n");
        Files.createDirectories(root.resolve("svc/target"));
        Files.writeString(root.resolve("svc/target/Dockerfile"), "FROM scratch\n");
        assertEquals(
                List.of(
                        "pom.xml: quarkus.jib.",
                        "svc/src/main/docker/Dockerfile.jvm: a Dockerfile",
                        "svc/src/main/resources/application.properties: quarkus.container-image."),
                otherImageDefinitions(root).stream().sorted().toList());
    }
}
