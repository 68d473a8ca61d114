package org.praxis.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** An overlay rendered by {@code kubectl kustomize}, exactly as an operator would apply it. */
final class RenderedManifests {
    static final List<String> SERVICES =
            List.of("intake-service", "session-service", "referral-service", "assessment-service", "webhook-service");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final String overlay;
    final List<JsonNode> documents;

    private RenderedManifests(String overlay, List<JsonNode> documents) {
        this.overlay = overlay;
        this.documents = documents;
    }

    static Path k8s() {
        return Path.of("").toAbsolutePath();
    }

    /** Each overlay's rendering, once per test JVM: the overlays do not change while the tests read them. */
    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    static RenderedManifests of(String overlay) {
        try {
            List<JsonNode> docs = new ArrayList<>();
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(rendered(overlay))) {
                while (it.hasNext()) {
                    JsonNode d = it.next();
                    if (d != null && !d.isEmpty()) {
                        docs.add(d);
                    }
                }
            }
            return new RenderedManifests(overlay, docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The overlay as {@code kubectl kustomize} prints it. */
    static String rendered(String overlay) {
        return RENDERED.computeIfAbsent(
                overlay, o -> render(k8s().resolve("overlays").resolve(o)));
    }

    /** Any kustomization directory as {@code kubectl kustomize} prints it, not cached. */
    static String render(Path kustomization) {
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomization + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "kubectl (with its built-in kustomize) is needed to render the manifests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return documents.stream()
                .filter(d -> kind.equals(d.path("kind").asText()))
                .toList();
    }

    static String name(JsonNode doc) {
        return doc.at("/metadata/name").asText();
    }
}
