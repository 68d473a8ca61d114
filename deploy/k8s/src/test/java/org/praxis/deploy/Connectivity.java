package org.praxis.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NetworkPolicy semantics (networking.k8s.io/v1) over a set of pods described by namespace, labels and
 * container ports: a connection is allowed when the source's egress and the destination's ingress both
 * allow it. A pod is isolated in a direction when a policy of its namespace selects it and names that
 * direction in policyTypes; an isolated pod admits only what some rule of those policies matches.
 * Named ports resolve against the destination pod's container ports. ipBlock peers match only
 * addresses outside the pod network (the specification leaves pod addresses in ipBlocks to the
 * implementation, so the model never counts on them).
 */
final class Connectivity {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A container port: number and protocol. */
    record Port(int number, String protocol) {
        static Port parse(String spec) {
            String[] p = spec.split("/");
            return new Port(Integer.parseInt(p[0]), p.length > 1 ? p[1] : "TCP");
        }

        @Override
        public String toString() {
            return number + "/" + protocol;
        }
    }

    /** A pod (namespace, labels, named container ports) or an address outside the pod network. */
    record Endpoint(String name, String namespace, Map<String, String> labels, Map<String, Port> ports, String ip) {
        boolean isPod() {
            return ip == null;
        }
    }

    /** Which rule let a side through, or why it did not. */
    record Side(boolean allowed, String reason) {}

    record Verdict(Side egress, Side ingress) {
        boolean allowed() {
            return egress.allowed && ingress.allowed;
        }
    }

    /** A policy rule, addressed as {@code <namespace>/<policy>.<ingress|egress>[i]}. */
    record RuleRef(int policy, String direction, int index) {}

    final Map<String, Map<String, String>> namespaceLabels;
    final List<ObjectNode> policies;

    Connectivity(Map<String, Map<String, String>> namespaceLabels, List<ObjectNode> policies) {
        this.namespaceLabels = namespaceLabels;
        this.policies = policies;
    }

    /** A deep copy whose policies can be changed without touching this one. */
    Connectivity copy() {
        List<ObjectNode> copies = new ArrayList<>();
        policies.forEach(p -> copies.add(p.deepCopy()));
        return new Connectivity(namespaceLabels, copies);
    }

    static String name(JsonNode policy) {
        return policy.at("/metadata/namespace").asText() + "/"
                + policy.at("/metadata/name").asText();
    }

    String describe(RuleRef r) {
        return name(policies.get(r.policy)) + "." + r.direction + "[" + r.index + "]";
    }

    JsonNode rule(RuleRef r) {
        return policies.get(r.policy).path(r.direction).get(r.index);
    }

    void removeRule(RuleRef r) {
        ((ArrayNode) policies.get(r.policy).path(r.direction)).remove(r.index);
    }

    Verdict evaluate(Endpoint from, Endpoint to, Port port) {
        return new Verdict(side(from, to, port, "egress"), side(from, to, port, "ingress"));
    }

    /** The rules that let the connection through on one side (empty when that side refuses or is not isolated). */
    List<RuleRef> admitting(Endpoint from, Endpoint to, Port port, String direction) {
        Endpoint subject = "egress".equals(direction) ? from : to;
        Endpoint peer = "egress".equals(direction) ? to : from;
        List<RuleRef> rules = new ArrayList<>();
        if (!subject.isPod()) {
            return rules;
        }
        for (int i = 0; i < policies.size(); i++) {
            JsonNode p = policies.get(i);
            if (!isolates(p, subject, direction)) {
                continue;
            }
            JsonNode list = p.path(direction);
            for (int j = 0; j < list.size(); j++) {
                JsonNode rule = list.get(j);
                String peers = "egress".equals(direction) ? "to" : "from";
                if (peersMatch(rule.path(peers), p.at("/metadata/namespace").asText(), peer)
                        && portsMatch(rule.path("ports"), to, port)) {
                    rules.add(new RuleRef(i, direction, j));
                }
            }
        }
        return rules;
    }

    private Side side(Endpoint from, Endpoint to, Port port, String direction) {
        Endpoint subject = "egress".equals(direction) ? from : to;
        if (!subject.isPod()) {
            return new Side(true, "outside the pod network");
        }
        boolean isolated = policies.stream().anyMatch(p -> isolates(p, subject, direction));
        if (!isolated) {
            return new Side(true, "not isolated for " + direction + " in " + subject.namespace);
        }
        List<RuleRef> rules = admitting(from, to, port, direction);
        if (rules.isEmpty()) {
            return new Side(false, "no " + direction + " rule");
        }
        return new Side(true, describe(rules.get(0)));
    }

    boolean isolates(JsonNode policy, Endpoint pod, String direction) {
        if (!policy.at("/metadata/namespace").asText().equals(pod.namespace)
                || !selects(policy.at("/spec/podSelector"), pod.labels)) {
            return false;
        }
        return policyTypes(policy).contains("egress".equals(direction) ? "Egress" : "Ingress");
    }

    /** policyTypes as given, or as Kubernetes defaults it: Ingress, plus Egress when the policy has egress rules. */
    static List<String> policyTypes(JsonNode policy) {
        List<String> types = new ArrayList<>();
        JsonNode given = policy.at("/spec/policyTypes");
        if (given.isArray() && !given.isEmpty()) {
            given.forEach(t -> types.add(t.asText()));
        } else {
            types.add("Ingress");
            if (policy.has("egress")) {
                types.add("Egress");
            }
        }
        return types;
    }

    private boolean peersMatch(JsonNode peers, String policyNamespace, Endpoint peer) {
        if (peers.isMissingNode() || peers.isNull() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode p : peers) {
            if (p.has("ipBlock")) {
                if (!peer.isPod() && inBlock(peer.ip, p.path("ipBlock"))) {
                    return true;
                }
                continue;
            }
            if (!peer.isPod()) {
                continue;
            }
            boolean namespaceOk = p.has("namespaceSelector")
                    ? selects(p.path("namespaceSelector"), namespaceLabels.getOrDefault(peer.namespace, Map.of()))
                    : peer.namespace.equals(policyNamespace);
            boolean podOk = !p.has("podSelector") || selects(p.path("podSelector"), peer.labels);
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(JsonNode ports, Endpoint destination, Port port) {
        if (ports.isMissingNode() || ports.isNull() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.path("protocol").asText("TCP").equals(port.protocol)) {
                continue;
            }
            JsonNode n = p.path("port");
            if (n.isMissingNode() || n.isNull()) {
                return true;
            }
            if (n.isInt()) {
                int end = p.path("endPort").asInt(n.asInt());
                if (port.number >= n.asInt() && port.number <= end) {
                    return true;
                }
            } else if (destination.isPod()) {
                Port named = destination.ports.get(n.asText());
                if (named != null && named.equals(port)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A label selector: every matchLabels pair and every matchExpressions requirement; {} selects all. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return true;
        }
        var it = selector.path("matchLabels").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode req : selector.path("matchExpressions")) {
            String key = req.path("key").asText();
            List<String> values = new ArrayList<>();
            req.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (req.path("operator").asText()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new IllegalArgumentException("unknown selector operator " + req);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean inBlock(String ip, JsonNode block) {
        if (!inCidr(ip, block.path("cidr").asText())) {
            return false;
        }
        for (JsonNode except : block.path("except")) {
            if (inCidr(ip, except.asText())) {
                return false;
            }
        }
        return true;
    }

    static boolean inCidr(String ip, String cidr) {
        try {
            String[] c = cidr.split("/");
            byte[] a = InetAddress.getByName(ip).getAddress();
            byte[] b = InetAddress.getByName(c[0]).getAddress();
            if (a.length != b.length) {
                return false;
            }
            int bits = Integer.parseInt(c[1]);
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    /** The policies of a rendered overlay, plus those the operators generate from its resources. */
    static List<ObjectNode> policiesOf(RenderedManifests m, String namespace) {
        List<ObjectNode> all = new ArrayList<>();
        for (JsonNode p : m.ofKind("NetworkPolicy")) {
            ObjectNode copy = p.deepCopy();
            if (!copy.at("/metadata/namespace").isTextual()) {
                ((ObjectNode) copy.path("metadata")).put("namespace", namespace);
            }
            all.add(lift(copy));
        }
        for (JsonNode kafka : m.ofKind("Kafka")) {
            all.add(lift(strimziGenerated(kafka, namespace)));
        }
        for (JsonNode keycloak : m.ofKind("Keycloak")) {
            keycloakGenerated(keycloak, namespace).ifPresent(p -> all.add(lift(p)));
        }
        return all;
    }

    /**
     * Moves spec.ingress and spec.egress to the top of the model's copy of a policy, so that rules can be
     * addressed and removed uniformly (selectors and policyTypes stay under spec).
     */
    private static ObjectNode lift(ObjectNode policy) {
        ObjectNode spec = (ObjectNode) policy.path("spec");
        for (String d : List.of("ingress", "egress")) {
            if (spec.has(d)) {
                policy.set(d, spec.remove(d));
            }
        }
        return policy;
    }

    /**
     * The ingress-only policy the Strimzi cluster operator creates for the Kafka nodes
     * (STRIMZI_NETWORK_POLICY_GENERATION, on by default): KRaft control plane from the nodes and the
     * operator; replication from the nodes, the entity operator and the operator; the agent port from the
     * operator; each listener from its networkPolicyPeers, or from anyone when it has none.
     */
    static ObjectNode strimziGenerated(JsonNode kafka, String namespace) {
        String cluster = kafka.at("/metadata/name").asText();
        ObjectNode p = YAML.createObjectNode();
        p.put("apiVersion", "networking.k8s.io/v1").put("kind", "NetworkPolicy");
        p.putObject("metadata")
                .put("name", cluster + "-network-policy-kafka (generated by Strimzi)")
                .put("namespace", namespace);
        ObjectNode spec = p.putObject("spec");
        spec.putObject("podSelector")
                .putObject("matchLabels")
                .put("strimzi.io/cluster", cluster)
                .put("strimzi.io/kind", "Kafka")
                .put("strimzi.io/name", cluster + "-kafka");
        spec.putArray("policyTypes").add("Ingress");
        ArrayNode ingress = spec.putArray("ingress");
        ObjectNode operator = YAML.createObjectNode();
        operator.putObject("podSelector").putObject("matchLabels").put("strimzi.io/kind", "cluster-operator");
        operator.putObject("namespaceSelector");
        ObjectNode nodes = YAML.createObjectNode();
        nodes.putObject("podSelector").putObject("matchLabels").put("strimzi.io/name", cluster + "-kafka");
        ObjectNode entityOperator = YAML.createObjectNode();
        entityOperator
                .putObject("podSelector")
                .putObject("matchLabels")
                .put("strimzi.io/name", cluster + "-entity-operator");
        addIngress(ingress, 9090, List.of(nodes, operator));
        addIngress(ingress, 9091, List.of(operator, nodes, entityOperator));
        addIngress(ingress, 8443, List.of(operator));
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            List<JsonNode> peers = new ArrayList<>();
            listener.path("networkPolicyPeers").forEach(peers::add);
            addIngress(ingress, listener.path("port").asInt(), peers);
        }
        return p;
    }

    /**
     * The ingress-only policy the Keycloak operator creates unless spec.networkPolicy.enabled is false:
     * https (and http when enabled) from spec.networkPolicy.https/http, or from anyone; JGroups between
     * the instances; the management port from spec.networkPolicy.management, or from anyone.
     */
    static Optional<ObjectNode> keycloakGenerated(JsonNode keycloak, String namespace) {
        JsonNode np = keycloak.at("/spec/networkPolicy");
        if (!np.path("enabled").asBoolean(true)) {
            return Optional.empty();
        }
        String name = keycloak.at("/metadata/name").asText();
        ObjectNode p = YAML.createObjectNode();
        p.put("apiVersion", "networking.k8s.io/v1").put("kind", "NetworkPolicy");
        p.putObject("metadata")
                .put("name", name + "-network-policy (generated by the Keycloak operator)")
                .put("namespace", namespace);
        ObjectNode spec = p.putObject("spec");
        ObjectNode server = YAML.createObjectNode();
        server.putObject("matchLabels")
                .put("app", "keycloak")
                .put("app.kubernetes.io/managed-by", "keycloak-operator")
                .put("app.kubernetes.io/instance", name);
        spec.set("podSelector", server.deepCopy());
        spec.putArray("policyTypes").add("Ingress");
        ArrayNode ingress = spec.putArray("ingress");
        if (keycloak.at("/spec/http/httpEnabled").asBoolean(false)) {
            addIngress(ingress, keycloak.at("/spec/http/httpPort").asInt(8080), list(np.path("http")));
        }
        addIngress(ingress, keycloak.at("/spec/http/httpsPort").asInt(8443), list(np.path("https")));
        ObjectNode instances = YAML.createObjectNode();
        instances.set("podSelector", server.deepCopy());
        ObjectNode jgroups = ingress.addObject();
        jgroups.putArray("ports")
                .add(YAML.createObjectNode().put("protocol", "TCP").put("port", 7800))
                .add(YAML.createObjectNode().put("protocol", "TCP").put("port", 57800));
        jgroups.putArray("from").add(instances);
        addIngress(ingress, keycloak.at("/spec/httpManagement/port").asInt(9000), list(np.path("management")));
        return Optional.of(p);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> l = new ArrayList<>();
        array.forEach(l::add);
        return l;
    }

    private static void addIngress(ArrayNode ingress, int port, List<JsonNode> from) {
        ObjectNode rule = ingress.addObject();
        rule.putArray("ports").addObject().put("protocol", "TCP").put("port", port);
        if (!from.isEmpty()) {
            ArrayNode f = rule.putArray("from");
            from.forEach(x -> f.add(x.deepCopy()));
        }
    }

    static JsonNode readYaml(java.nio.file.Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> labels(JsonNode map) {
        Map<String, String> labels = new LinkedHashMap<>();
        map.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
