package org.praxis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a platform engineer would refuse in the rendered dev and prod overlays. */
class ManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasProbesLimitsAndALockedDownSecurityContext(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        List<String> problems = new ArrayList<>();
        assertEquals(
                Set.copyOf(RenderedManifests.SERVICES),
                m.ofKind("Deployment").stream().map(RenderedManifests::name).collect(Collectors.toSet()));
        for (JsonNode d : m.ofKind("Deployment")) {
            String name = RenderedManifests.name(d);
            JsonNode pod = d.at("/spec/template/spec");
            if (pod.path("automountServiceAccountToken").asBoolean(true)) {
                problems.add(name + ": mounts a service-account token it does not need");
            }
            if (!pod.at("/securityContext/runAsNonRoot").asBoolean(false)) {
                problems.add(name + ": pod may run as root");
            }
            for (JsonNode c : pod.path("containers")) {
                String where = name + "/" + c.path("name").asText();
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    if (!c.at("/" + probe + "/httpGet/path").asText().startsWith("/q/health/")) {
                        problems.add(where + ": no " + probe + " on /q/health/*");
                    }
                }
                for (String r : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
                    if (c.at("/resources/" + r).isMissingNode()) {
                        problems.add(where + ": no " + r);
                    }
                }
                JsonNode sc = c.path("securityContext");
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(where + ": writable root filesystem");
                }
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(where + ": may escalate privileges");
                }
                if (!sc.at("/capabilities/drop").toString().contains("\"ALL\"")) {
                    problems.add(where + ": keeps Linux capabilities");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueIsInlinedAnywhere(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        assertEquals(
                List.of(),
                m.ofKind("Secret").stream().map(RenderedManifests::name).toList(),
                "secrets are created by the operators or out of band, never shipped in the manifests");
        List<String> inlined = new ArrayList<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            for (JsonNode e : d.at("/spec/template/spec/containers/0/env")) {
                String n = e.path("name").asText();
                boolean sensitive = n.contains("PASSWORD")
                        || n.contains("SECRET")
                        || n.contains("JAAS")
                        || n.contains("CRYPTO_KEYS")
                        || n.contains("ACTIVE_KEY");
                if (sensitive && !e.has("valueFrom")) {
                    inlined.add(RenderedManifests.name(d) + " " + n);
                }
            }
        }
        for (JsonNode c : m.ofKind("ConfigMap")) {
            c.path("data").fieldNames().forEachRemaining(k -> {
                if (k.contains("PASSWORD") || k.contains("SECRET") || k.contains("JAAS") || k.contains("CRYPTO_KEYS")) {
                    inlined.add(RenderedManifests.name(c) + " " + k);
                }
            });
        }
        // The realm import takes client secrets from a Secret through placeholders.
        for (JsonNode r : m.ofKind("KeycloakRealmImport")) {
            for (JsonNode client : r.at("/spec/realm/clients")) {
                if (client.has("secret") && !client.path("secret").asText().matches("\\$\\{[A-Z_]+}")) {
                    inlined.add("realm client " + client.path("clientId").asText());
                }
            }
        }
        assertEquals(List.of(), inlined);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyImageIsOneTheBuildProducesForThatService(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        for (JsonNode d : m.ofKind("Deployment")) {
            String service = RenderedManifests.name(d);
            String image = d.at("/spec/template/spec/containers/0/image").asText();
            assertTrue(
                    image.matches("([a-z0-9.-]+(:\\d+)?/)?praxis/" + service + ":[A-Za-z0-9._-]+"),
                    service + " runs " + image + ", not praxis/" + service + " as the build names it");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsServiceAutoscalerBudgetPolicyAndMonitor(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        for (String kind : List.of(
                "Service",
                "HorizontalPodAutoscaler",
                "PodDisruptionBudget",
                "NetworkPolicy",
                "ServiceMonitor",
                "ConfigMap",
                "KafkaUser")) {
            Set<String> names =
                    m.ofKind(kind).stream().map(RenderedManifests::name).collect(Collectors.toSet());
            for (String s : RenderedManifests.SERVICES) {
                assertTrue(names.contains(s) || names.contains(s + "-config"), kind + " for " + s + " in " + overlay);
            }
        }
        assertTrue(
                m.ofKind("NetworkPolicy").stream()
                        .anyMatch(p -> p.at("/spec/podSelector").isEmpty()
                                && p.at("/spec/policyTypes").toString().contains("Ingress")
                                && p.at("/spec/policyTypes").toString().contains("Egress")),
                "a default-deny policy for the namespace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicAndItsDeadLetterTopicExistAndEachUserReachesOnlyItsOwn(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        Set<String> topics = m.ofKind("KafkaTopic").stream()
                .map(t -> t.at("/spec/topicName").asText())
                .collect(Collectors.toSet());
        for (String t :
                List.of("intake.events", "session.events", "referral.events", "assessment.events", "privacy.events")) {
            assertTrue(topics.contains(t) && topics.contains(t + ".dlq"), t);
        }
        String coordinator = coordinator();
        Set<String> privacyWriters = new HashSet<>();
        for (JsonNode u : m.ofKind("KafkaUser")) {
            String service = RenderedManifests.name(u);
            String own = service.substring(0, service.indexOf('-')) + ".events";
            Set<String> reads = new HashSet<>();
            for (JsonNode acl : u.at("/spec/authorization/acls")) {
                String type = acl.at("/resource/type").asText();
                String name = acl.at("/resource/name").asText();
                String ops = acl.path("operations").toString();
                if ("topic".equals(type) && ops.contains("Write") && name.equals("privacy.events")) {
                    privacyWriters.add(service);
                } else if ("topic".equals(type) && ops.contains("Write") && !name.endsWith(".dlq")) {
                    assertEquals(own, name, service + " writes only its own topic");
                }
                if ("topic".equals(type) && ops.contains("Read")) {
                    reads.add(name);
                }
                if ("group".equals(type)) {
                    assertEquals(service, name, service + " reads only as its own consumer group");
                }
                assertTrue(!"*".equals(name), service + " has a wildcard ACL");
            }
            if (service.equals(coordinator)) {
                for (String t : List.of("intake.events", "session.events", "referral.events", "assessment.events")) {
                    assertTrue(
                            reads.contains(t) && reads.contains(t + ".dlq"),
                            coordinator + " reads the subject.erased on " + t);
                }
            }
        }
        // Erasure requests come from the one erasure coordinator (praxis.privacy.erasure-coordinator), as /privacy.
        assertEquals(Set.of(coordinator), privacyWriters, "who writes privacy.events");
    }

    /** deploy/local makes its ACLs from lib.sh's table (kafka_writes, kafka_consumes): the same as the KafkaUsers. */
    @Test
    void theLocalStacksAclsAreThoseOfTheKafkaUsers() throws Exception {
        Path lib = RenderedManifests.k8s().resolve("../local/lib.sh").normalize();
        Process p = new ProcessBuilder("bash", "-c", "source \"$1\" && kafka_acl_specs", "specs", lib.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Map<String, String> local = new TreeMap<>();
        for (String spec : out.strip().split("\n")) {
            String[] userRest = spec.split("=", 2);
            String[] writesReads = userRest[1].split("/", 2);
            local.put(
                    userRest[0],
                    new TreeSet<>(List.of(writesReads[0].split(","))) + " / "
                            + new TreeSet<>(List.of(writesReads[1].split(","))));
        }
        Map<String, String> k8s = new TreeMap<>();
        for (JsonNode u : RenderedManifests.of("dev").ofKind("KafkaUser")) {
            Set<String> writes = new TreeSet<>();
            Set<String> reads = new TreeSet<>();
            for (JsonNode acl : u.at("/spec/authorization/acls")) {
                String name = acl.at("/resource/name").asText();
                if ("topic".equals(acl.at("/resource/type").asText()) && !name.endsWith(".dlq")) {
                    if (acl.path("operations").toString().contains("Write")) {
                        writes.add(name);
                    }
                    if (acl.path("operations").toString().contains("Read")) {
                        reads.add(name);
                    }
                }
            }
            k8s.put(RenderedManifests.name(u), writes + " / " + reads);
        }
        assertEquals(k8s, local);
    }

    /** The one service whose application.properties sets praxis.privacy.erasure-coordinator=true. */
    private static String coordinator() {
        Path project = RenderedManifests.k8s().getParent().getParent();
        List<String> found = new ArrayList<>();
        for (String service : RenderedManifests.SERVICES) {
            Properties p = new Properties();
            try (var in =
                    Files.newInputStream(project.resolve(service + "/src/main/resources/application.properties"))) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if ("true".equals(p.getProperty("praxis.privacy.erasure-coordinator"))) {
                found.add(service);
            }
        }
        assertEquals(1, found.size(), "exactly one erasure coordinator: " + found);
        return found.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void productionRunsAtLeastTwoReplicasSpreadOverNodes(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        for (JsonNode d : m.ofKind("Deployment")) {
            assertTrue(d.at("/spec/replicas").asInt() >= 2, RenderedManifests.name(d));
            assertTrue(d.at("/spec/template/spec/affinity/podAntiAffinity").isObject(), RenderedManifests.name(d));
        }
        for (JsonNode h : m.ofKind("HorizontalPodAutoscaler")) {
            assertTrue(h.at("/spec/minReplicas").asInt() >= 2, RenderedManifests.name(h));
        }
        Set<String> budgets = new HashSet<>();
        m.ofKind("PodDisruptionBudget").forEach(p -> {
            assertTrue(p.at("/spec/minAvailable").asInt() >= 1, RenderedManifests.name(p));
            budgets.add(RenderedManifests.name(p));
        });
        assertEquals(Set.copyOf(RenderedManifests.SERVICES), budgets);
        assertTrue(m.ofKind("Cluster").get(0).at("/spec/instances").asInt() >= 3);
        assertTrue(m.ofKind("KafkaNodePool").get(0).at("/spec/replicas").asInt() >= 3);
    }

    /**
     * The namespace enforces the restricted Pod Security Standard, and the Keycloak operator's pods are
     * admitted only with its security context: the Keycloak resource's pod template sets it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void keycloaksPodsMeetTheNamespacesPodSecurityStandard(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        assertEquals(
                "restricted",
                m.ofKind("Namespace")
                        .get(0)
                        .at("/metadata/labels/pod-security.kubernetes.io~1enforce")
                        .asText());
        JsonNode pod = m.ofKind("Keycloak").get(0).at("/spec/unsupported/podTemplate/spec");
        List<String> problems = new ArrayList<>();
        if (!pod.at("/securityContext/runAsNonRoot").asBoolean(false)) {
            problems.add("pod: runAsNonRoot is not true");
        }
        if (!"RuntimeDefault"
                .equals(pod.at("/securityContext/seccompProfile/type").asText())) {
            problems.add("pod: no RuntimeDefault seccomp profile");
        }
        JsonNode sc = pod.at("/containers/0/securityContext");
        if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
            problems.add("container: may escalate privileges");
        }
        if (!sc.at("/capabilities/drop").toString().contains("\"ALL\"")) {
            problems.add("container: keeps Linux capabilities");
        }
        assertEquals(List.of(), problems, overlay + " Keycloak");
    }
}
