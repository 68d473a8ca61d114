package org.praxis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.praxis.deploy.Connectivity.Endpoint;
import org.praxis.deploy.Connectivity.Port;
import org.praxis.deploy.Connectivity.RuleRef;
import org.praxis.deploy.Connectivity.Verdict;

/**
 * Every connection in src/test/resources/flows.yaml is allowed or refused, as listed, by the
 * NetworkPolicies of each rendered overlay together with those Strimzi and the Keycloak operator
 * generate from the overlay's Kafka and Keycloak resources. Prints the matrix. Mutations of the
 * policies in memory show the check fails when a listed connection is broken or a refused one opened.
 */
class ConnectivityTest {

    record Flow(String from, String to, String port, boolean mustAllow, String why, String pending) {
        @Override
        public String toString() {
            return from + " -> " + to + " :" + port;
        }
    }

    /** An overlay's pods, flows and policies. */
    record Setup(
            String overlay,
            String namespace,
            Map<String, Endpoint> endpoints,
            List<Flow> flows,
            RenderedManifests manifests) {
        Endpoint endpoint(String name) {
            Endpoint e = endpoints.get(name);
            if (e == null) {
                throw new AssertionError("flows.yaml names an unknown pod " + name);
            }
            return e;
        }

        /** The flow's port as the destination declares it, or null when the destination has no such named port. */
        Port port(Flow f) {
            if (f.port.matches("\\d+(/(TCP|UDP|SCTP))?")) {
                return Port.parse(f.port);
            }
            Endpoint to = endpoint(f.to);
            return to.isPod() ? to.ports().get(f.port) : null;
        }
    }

    static Setup setup(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        JsonNode ns = m.ofKind("Namespace").get(0);
        String namespace = RenderedManifests.name(ns);
        JsonNode data = Connectivity.readYaml(RenderedManifests.k8s().resolve("src/test/resources/flows.yaml"));

        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        data.path("pods").fields().forEachRemaining(e -> {
            JsonNode pod = e.getValue();
            if (pod.has("deployment")) {
                JsonNode d = m.ofKind("Deployment").stream()
                        .filter(x -> RenderedManifests.name(x)
                                .equals(pod.path("deployment").asText()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no Deployment " + pod.path("deployment")));
                Map<String, Port> ports = new LinkedHashMap<>();
                for (JsonNode c : d.at("/spec/template/spec/containers")) {
                    for (JsonNode p : c.path("ports")) {
                        ports.put(
                                p.path("name").asText(),
                                new Port(
                                        p.path("containerPort").asInt(),
                                        p.path("protocol").asText("TCP")));
                    }
                }
                String podNamespace = d.at("/metadata/namespace").asText(namespace);
                endpoints.put(
                        e.getKey(),
                        new Endpoint(
                                e.getKey(),
                                podNamespace,
                                Connectivity.labels(d.at("/spec/template/metadata/labels")),
                                ports,
                                null));
            } else {
                Map<String, Port> ports = new LinkedHashMap<>();
                pod.path("ports")
                        .fields()
                        .forEachRemaining(p ->
                                ports.put(p.getKey(), Port.parse(p.getValue().asText())));
                endpoints.put(
                        e.getKey(),
                        new Endpoint(
                                e.getKey(),
                                pod.path("namespace").asText(namespace),
                                Connectivity.labels(pod.path("labels")),
                                ports,
                                null));
            }
        });
        data.path("external")
                .fields()
                .forEachRemaining(e -> endpoints.put(
                        e.getKey(),
                        new Endpoint(
                                e.getKey(),
                                null,
                                Map.of(),
                                Map.of(),
                                e.getValue().asText())));

        List<Flow> flows = new ArrayList<>();
        for (String list : List.of("allowed", "refused")) {
            for (JsonNode f : data.path(list)) {
                f.fieldNames()
                        .forEachRemaining(k -> assertTrue(
                                List.of("from", "to", "port", "why", "pending", "except")
                                        .contains(k),
                                "flows.yaml: unknown key '" + k + "' in " + f
                                        + " (an unquoted comma in a flow mapping?)"));
                List<String> except = new ArrayList<>();
                f.path("except").forEach(x -> except.add(x.asText()));
                except.forEach(
                        x -> assertTrue(data.path("pods").has(x), "flows.yaml: 'except' names an unknown pod " + x));
                List<String> pods = new ArrayList<>();
                data.path("pods").fieldNames().forEachRemaining(pods::add);
                for (String[] pair :
                        expand(f.path("from").asText(), f.path("to").asText(), pods, except)) {
                    flows.add(new Flow(
                            pair[0],
                            pair[1],
                            f.path("port").asText(),
                            "allowed".equals(list),
                            f.path("why").asText(),
                            f.has("pending") ? f.path("pending").asText() : null));
                }
            }
        }
        return new Setup(overlay, namespace, endpoints, flows, m);
    }

    /**
     * ${service} is each of the five services, ${other} every other one; ${pod} (as the source) every pod
     * of the list but the destination itself (a pod always reaches itself) and those named in 'except'.
     */
    private static List<String[]> expand(String from, String to, List<String> pods, List<String> except) {
        if (from.equals("${pod}")) {
            List<String[]> pairs = new ArrayList<>();
            for (String[] pair : expand("", to, pods, List.of())) {
                for (String pod : pods) {
                    if (!pod.equals(pair[1]) && !except.contains(pod)) {
                        pairs.add(new String[] {pod, pair[1]});
                    }
                }
            }
            return pairs;
        }
        assertTrue(except.isEmpty(), "flows.yaml: 'except' goes with from: ${pod}");
        List<String[]> pairs = new ArrayList<>();
        boolean perService = (from + to).contains("${service}");
        for (String s : perService ? RenderedManifests.SERVICES : List.of("")) {
            boolean perOther = (from + to).contains("${other}");
            for (String o : perOther ? RenderedManifests.SERVICES : List.of("")) {
                if (perOther && o.equals(s)) {
                    continue;
                }
                pairs.add(new String[] {sub(from, s, o), sub(to, s, o)});
            }
        }
        return pairs;
    }

    private static String sub(String v, String service, String other) {
        return v.replace("${service}", service).replace("${other}", other);
    }

    static Connectivity model(Setup s) {
        Map<String, Map<String, String>> namespaces = new LinkedHashMap<>();
        JsonNode data = Connectivity.readYaml(RenderedManifests.k8s().resolve("src/test/resources/flows.yaml"));
        data.path("namespaces").fields().forEachRemaining(e -> {
            Map<String, String> labels = new LinkedHashMap<>(Connectivity.labels(e.getValue()));
            labels.put("kubernetes.io/metadata.name", e.getKey());
            namespaces.put(e.getKey(), labels);
        });
        for (JsonNode n : s.manifests.ofKind("Namespace")) {
            Map<String, String> labels = new LinkedHashMap<>(Connectivity.labels(n.at("/metadata/labels")));
            labels.put("kubernetes.io/metadata.name", RenderedManifests.name(n));
            namespaces.put(RenderedManifests.name(n), labels);
        }
        return new Connectivity(namespaces, Connectivity.policiesOf(s.manifests, s.namespace));
    }

    /** The flows whose outcome differs from the list they are in (pending ones excepted, as long as they are pending). */
    static List<String> mismatches(Setup s, Connectivity model, StringBuilder matrix) {
        List<String> wrong = new ArrayList<>();
        for (Flow f : s.flows) {
            Port port = s.port(f);
            if (port == null) {
                if (f.pending == null) {
                    wrong.add(f + ": " + f.to + " has no port named " + f.port);
                } else if (matrix != null) {
                    matrix.append(String.format("  %-8s %-70s (%s)%n", "PENDING", f, f.pending));
                }
                continue;
            }
            if (f.pending != null) {
                wrong.add(f + ": the port exists now; drop 'pending' from flows.yaml");
            }
            Verdict v = model.evaluate(s.endpoint(f.from), s.endpoint(f.to), port);
            if (matrix != null) {
                matrix.append(String.format(
                        "  %-8s %-70s %s | egress: %s | ingress: %s%n",
                        v.allowed() ? "ALLOWED" : "REFUSED",
                        f + " (" + port + ")",
                        v.allowed() == f.mustAllow ? "ok  " : "WRONG",
                        v.egress().reason(),
                        v.ingress().reason()));
            }
            if (v.allowed() != f.mustAllow) {
                wrong.add((f.mustAllow ? "refused, must be allowed: " : "allowed, must be refused: ") + f + " (" + f.why
                        + ") egress: " + v.egress().reason() + ", ingress: "
                        + v.ingress().reason());
            }
        }
        return wrong;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyListedConnectionIsAllowedOrRefusedAsListed(String overlay) {
        Setup s = setup(overlay);
        Connectivity model = model(s);
        StringBuilder matrix = new StringBuilder();
        List<String> wrong = mismatches(s, model, matrix);
        long allowed = s.flows.stream().filter(f -> f.mustAllow).count();
        long pending = s.flows.stream()
                .filter(f -> f.pending != null && s.port(f) == null)
                .count();
        System.out.printf(
                "Connectivity of overlays/%s (namespace %s): %d must be allowed, %d must be refused, %d pending%n%s",
                overlay, s.namespace, allowed, s.flows.size() - allowed - pending, pending, matrix);
        assertEquals(List.of(), wrong);
    }

    /**
     * Each allowed connection from or to a Praxis pod depends on rules the manifests (or the operators,
     * from the manifests' resources) state: removing the rules that admit it on one side makes the model
     * refuse it, and the check above report it. So no listed connection passes because a pod happens not
     * to be isolated.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void removingTheRulesThatAdmitAListedConnectionBreaksIt(String overlay) {
        Setup s = setup(overlay);
        Connectivity model = model(s);
        int mutations = 0;
        for (Flow f : s.flows) {
            Port port = s.port(f);
            if (!f.mustAllow || port == null) {
                continue;
            }
            for (String direction : List.of("egress", "ingress")) {
                Endpoint subject = s.endpoint("egress".equals(direction) ? f.from : f.to);
                if (!subject.isPod() || !subject.namespace().equals(s.namespace)) {
                    continue; // not governed by these manifests
                }
                Connectivity mutant = model.copy();
                List<RuleRef> rules = mutant.admitting(s.endpoint(f.from), s.endpoint(f.to), port, direction);
                assertFalse(
                        rules.isEmpty(),
                        f + ": no " + direction + " rule admits it, so it passes only because the pod is not isolated");
                // remove from the highest index down so the remaining references stay valid
                rules.stream()
                        .sorted(Comparator.comparingInt(RuleRef::policy)
                                .thenComparing(RuleRef::index, Comparator.reverseOrder()))
                        .forEach(mutant::removeRule);
                List<String> wrong = mismatches(s, mutant, null);
                assertTrue(
                        wrong.stream().anyMatch(w -> w.startsWith("refused, must be allowed: " + f + " ")),
                        "without " + rules.stream().map(model::describe).toList() + " the check must report " + f
                                + "; it reported " + wrong);
                mutations++;
            }
        }
        System.out.printf("overlays/%s: %d rule removals, each reported by the check%n", overlay, mutations);
        assertTrue(mutations >= 50, "mutations: " + mutations);
    }

    /** No rule opens more than the list accounts for: each rule admits at least one connection listed as allowed. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRuleIsThereForAListedConnection(String overlay) {
        Setup s = setup(overlay);
        Connectivity model = model(s);
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (Flow f : s.flows) {
            Port port = s.port(f);
            if (f.mustAllow && port != null) {
                for (String direction : List.of("egress", "ingress")) {
                    model.admitting(s.endpoint(f.from), s.endpoint(f.to), port, direction)
                            .forEach(r -> used.add(model.describe(r)));
                }
            }
        }
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < model.policies.size(); i++) {
            for (String direction : List.of("egress", "ingress")) {
                for (int j = 0; j < model.policies.get(i).path(direction).size(); j++) {
                    String rule = model.describe(new RuleRef(i, direction, j));
                    if (!used.contains(rule)) {
                        unused.add(rule + " " + model.rule(new RuleRef(i, direction, j)));
                    }
                }
            }
        }
        assertEquals(
                List.of(),
                unused,
                "rules no listed connection needs: list the connection in flows.yaml, or drop the rule");
    }

    /** Loosening a rule is caught too: each mutation opens a connection the list says must stay refused. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void looseningARuleOpensARefusedConnectionAndIsReported(String overlay) {
        Setup s = setup(overlay);
        // Keycloak's ingress for the ingress controller without its port list: the management port opens.
        assertCaught(
                s,
                "ingress-controller -> keycloak :management",
                "keycloak ingress rule for ingress-nginx without ports",
                m -> {
                    for (ObjectNode p : m.policies) {
                        for (JsonNode rule : p.path("ingress")) {
                            if (rule.toString().contains("ingress-nginx")
                                    && p.at("/spec/podSelector").toString().contains("keycloak")) {
                                ((ObjectNode) rule).remove("ports");
                            }
                        }
                    }
                });
        // The database's rule for the services widened from their pods to every namespace.
        assertCaught(
                s, "ingress-controller -> postgres-primary :postgresql", "praxis-db ingress from any namespace", m -> {
                    for (ObjectNode p : m.policies) {
                        if (p.at("/metadata/name").asText().equals("praxis-db")) {
                            for (JsonNode rule : p.path("ingress")) {
                                if (rule.toString().contains("intake-service")) {
                                    ArrayNode from = (ArrayNode) rule.path("from");
                                    from.removeAll();
                                    from.addObject().putObject("namespaceSelector");
                                }
                            }
                        }
                    }
                });
        // Kafka's listener without networkPolicyPeers: Strimzi's generated policy admits anyone on 9093.
        assertCaught(
                s,
                "ingress-controller -> kafka-broker :tcp-clientstls",
                "the tls listener without networkPolicyPeers",
                m -> {
                    m.policies.removeIf(p -> p.at("/metadata/name").asText().contains("generated by Strimzi"));
                    ObjectNode kafka = s.manifests.ofKind("Kafka").get(0).deepCopy();
                    kafka.at("/spec/kafka/listeners").forEach(l -> ((ObjectNode) l).remove("networkPolicyPeers"));
                    ObjectNode generated = Connectivity.strimziGenerated(kafka, s.namespace);
                    ObjectNode spec = (ObjectNode) generated.path("spec");
                    generated.set("ingress", spec.remove("ingress"));
                    m.policies.add(generated);
                });
        // A service's management port opened to every peer instead of Prometheus's namespace: an operator in
        // another namespace (egress not ours to restrict) reaches /q/metrics and /q/health.
        assertCaught(s, "cnpg-operator -> intake-service :management", "intake management ingress from anyone", m -> {
            for (ObjectNode p : m.policies) {
                if (p.at("/metadata/name").asText().equals("intake-service")) {
                    for (JsonNode rule : p.path("ingress")) {
                        if (rule.toString().contains("monitoring")) {
                            ((ObjectNode) rule).remove("from");
                        }
                    }
                }
            }
        });
        // One service's egress opened to every pod of the namespace, and another's ingress to the namespace.
        assertCaught(
                s,
                "intake-service -> session-service :http",
                "intake egress and session ingress opened within the namespace",
                m -> {
                    for (ObjectNode p : m.policies) {
                        String name = p.at("/metadata/name").asText();
                        if (name.equals("intake-service")) {
                            ((ArrayNode) p.path("egress"))
                                    .addObject()
                                    .putArray("to")
                                    .addObject()
                                    .putObject("podSelector");
                        }
                        if (name.equals("session-service")) {
                            ((ArrayNode) p.path("ingress"))
                                    .addObject()
                                    .putArray("from")
                                    .addObject()
                                    .putObject("podSelector");
                        }
                    }
                });
    }

    private static void assertCaught(Setup s, String flow, String mutation, Consumer<Connectivity> change) {
        Connectivity mutant = model(s).copy();
        assertTrue(mismatches(s, mutant, null).isEmpty(), "the unmutated model passes");
        change.accept(mutant);
        List<String> wrong = mismatches(s, mutant, null);
        System.out.printf("overlays/%s, mutation '%s': %s%n", s.overlay, mutation, wrong);
        assertTrue(
                wrong.stream().anyMatch(w -> w.startsWith("allowed, must be refused: " + flow + " ")),
                mutation + " must be reported for " + flow + "; reported " + wrong);
    }

    /** What Prometheus is allowed to reach is what the ServiceMonitors scrape. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServiceMonitorsScrapeThePortPrometheusIsAllowedToReach(String overlay) {
        Setup s = setup(overlay);
        for (JsonNode monitor : s.manifests.ofKind("ServiceMonitor")) {
            String service = RenderedManifests.name(monitor);
            String servicePort = monitor.at("/spec/endpoints/0/port").asText();
            JsonNode svc = s.manifests.ofKind("Service").stream()
                    .filter(x -> RenderedManifests.name(x).equals(service))
                    .findFirst()
                    .orElseThrow();
            String target = null;
            for (JsonNode p : svc.at("/spec/ports")) {
                if (p.path("name").asText().equals(servicePort)) {
                    target = p.path("targetPort").asText();
                }
            }
            String scraped = target;
            assertTrue(
                    s.flows.stream()
                            .anyMatch(f -> f.mustAllow
                                    && f.from.equals("prometheus")
                                    && f.to.equals(service)
                                    && f.port.equals(scraped)),
                    service + ": the ServiceMonitor scrapes port " + scraped
                            + ", which no allowed Prometheus flow covers");
        }
    }
}
