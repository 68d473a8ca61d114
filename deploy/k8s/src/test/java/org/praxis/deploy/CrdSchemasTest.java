package org.praxis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Strimzi, CloudNativePG and Prometheus operator resources against the operators' own CRD schemas,
 * and the built-in kinds (Deployment, Service, NetworkPolicy, Ingress, HPA, PDB, ConfigMap, Namespace)
 * against Kubernetes' own, as npm packages them (kubernetes-models); the Keycloak operator's are not
 * published there, so those two kinds are checked only by rendering. Every alert expression is parsed
 * with Prometheus's PromQL grammar (@prometheus-io/lezer-promql).
 */
class CrdSchemasTest {
    private static final Path CHECK = RenderedManifests.k8s().resolve("crd-check");

    private record Run(int exit, String output) {}

    private static Run run(String input, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(CHECK.toFile())
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = p.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " did not finish");
        return new Run(p.exitValue(), out);
    }

    @BeforeAll
    static void installTheSchemas() throws Exception {
        // Installed again when the lock file changed since (npm keeps its copy in node_modules).
        java.nio.file.Path installed = CHECK.resolve("node_modules/.package-lock.json");
        if (!Files.isRegularFile(installed)
                || Files.getLastModifiedTime(CHECK.resolve("package-lock.json"))
                                .compareTo(Files.getLastModifiedTime(installed))
                        > 0) {
            Run install = run(null, "npm", "ci", "--no-audit", "--no-fund");
            assertEquals(
                    0,
                    install.exit(),
                    "npm ci in deploy/k8s/crd-check (Node.js and npm are needed):\n" + install.output());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void strimziAndCloudNativePgResourcesMatchTheirCrdSchemas(String overlay) throws Exception {
        String manifests = RenderedManifests.rendered(overlay);
        Run check = run(manifests, "node", "validate.mjs");
        assertEquals(0, check.exit(), check.output());
        // 18 Strimzi and CloudNativePG resources, 4 ServiceMonitors and the PrometheusRule
        assertTrue(check.output().contains("checked 25 resources"), check.output());
        int alerts = RenderedManifests.of(overlay).ofKind("PrometheusRule").stream()
                .mapToInt(r -> r.at("/spec/groups").findValues("alert").size())
                .sum();
        assertTrue(alerts > 0 && check.output().contains("parsed " + alerts + " PromQL expressions"), check.output());
        // The built-in kinds, each as often as the overlay has it.
        RenderedManifests m = RenderedManifests.of(overlay);
        for (String kind : List.of(
                "Deployment",
                "Service",
                "NetworkPolicy",
                "Ingress",
                "HorizontalPodAutoscaler",
                "PodDisruptionBudget",
                "ConfigMap",
                "Namespace")) {
            int n = m.ofKind(kind).size();
            assertTrue(
                    n > 0
                            && check.output()
                                    .matches("(?s).*against the Kubernetes schemas: .*\\b" + kind + " " + n + "\\b.*"),
                    kind + " x" + n + " not checked:\n" + check.output());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void aBuiltInKindThatBreaksItsSchemaIsReported(String overlay) throws Exception {
        String manifests = RenderedManifests.rendered(overlay);
        String broken = manifests
                .replace("containerPort: 8080", "containerPort: eighty")
                .replace("minAvailable: 1", "minAvailable: [1]")
                .replace("(praxis_outbox_oldest_unsent_seconds)", "(praxis_outbox_oldest_unsent_seconds")
                .replace("for: 10m", "for: ten minutes");
        Run check = run(broken, "node", "validate.mjs");
        assertEquals(1, check.exit(), check.output());
        assertTrue(
                check.output()
                        .contains(
                                "Deployment/intake-service: data/spec/template/spec/containers/0/ports/0/containerPort must be integer"),
                check.output());
        assertTrue(
                check.output().contains("PodDisruptionBudget/intake-service: data/spec/minAvailable"), check.output());
        assertTrue(
                check.output().contains("PrometheusRule/praxis-events: OutboxStuck: PromQL does not parse"),
                check.output());
        assertTrue(
                check.output()
                        .matches(
                                "(?s).*PrometheusRule/praxis-events: data/spec/groups/0/rules/\\d+/for must match pattern.*"),
                check.output());
    }
}
