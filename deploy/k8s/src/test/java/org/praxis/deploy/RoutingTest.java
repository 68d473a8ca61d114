package org.praxis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation of the four services' OpenAPI documents reaches its owning service through the
 * rendered Ingresses of each overlay (see README, "Routing"):
 * <ul>
 * <li>a path only one service serves is public as it is, {@code /v1/...};</li>
 * <li>a path several services serve is public as {@code /<service>/v1/...}, rewritten to {@code /v1/...};
 * the bare path is routed nowhere, so it never silently answers for one of them.</li>
 * </ul>
 * The login host, Keycloak's public hostname, routes the realm and nothing else.
 */
class RoutingTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final String SAMPLE = "p1x";

    /** The operations every service serves under one path today: reached through /<service>/... */
    static final List<String> SHARED = List.of(
            "GET /v1/audit-events",
            "GET /v1/dead-letters",
            "POST /v1/dead-letters/{eventId}/replay",
            "GET /v1/subjects/{subject}/export",
            "POST /v1/export-requests",
            "GET /v1/export-requests",
            "GET /v1/export-requests/{id}",
            "POST /v1/export-requests/{id}/approval",
            "GET /v1/export-settings",
            "PUT /v1/export-settings",
            "GET /v1/admin/keys",
            "POST /v1/admin/keys/rotation",
            "POST /v1/admin/keys/{keyId}/retirement",
            "GET /v1/admin/rate-limits",
            "PUT /v1/admin/rate-limits");

    /** The shared operations {@code service} serves: webhook-service has no subject export (docs/webhooks.md). */
    static Set<String> sharedBy(String service) {
        Set<String> ops = new TreeSet<>(SHARED);
        if (service.equals("webhook-service")) {
            ops.remove("GET /v1/subjects/{subject}/export");
        }
        return ops;
    }

    record Operation(String service, String method, String template) {
        String concrete() {
            return template.replaceAll("\\{[^}/]+}", SAMPLE);
        }

        boolean served(String upstreamPath) {
            String regex = java.util.Arrays.stream(template.split("/", -1))
                    .map(s -> s.matches("\\{[^}/]+}") ? "[^/]+" : Pattern.quote(s))
                    .collect(Collectors.joining("/"));
            return upstreamPath.matches(regex);
        }

        @Override
        public String toString() {
            return service + " " + method + " " + template;
        }
    }

    private static Map<String, List<Operation>> operations;
    private static Set<String> sharedTemplates;

    @BeforeAll
    static void readOpenApiDocuments() {
        Path root = RenderedManifests.k8s().getParent().getParent();
        operations = new LinkedHashMap<>();
        for (String service : RenderedManifests.SERVICES) {
            Path doc = root.resolve(service).resolve("target/openapi/openapi.yaml");
            if (!Files.isRegularFile(doc)) {
                throw new AssertionError(doc + " is missing: build the services first (mvn -o package -DskipTests -pl "
                        + String.join(",", RenderedManifests.SERVICES)
                        + ", or verify the whole reactor), their build writes it");
            }
            List<Operation> ops = new ArrayList<>();
            try {
                JsonNode paths = YAML.readTree(doc.toFile()).path("paths");
                paths.fields()
                        .forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
                            if (METHODS.contains(m)) {
                                ops.add(new Operation(service, m.toUpperCase(), p.getKey()));
                            }
                        }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertFalse(ops.isEmpty(), doc + " has no operations");
            operations.put(service, ops);
        }
        Map<String, Set<String>> owners = new LinkedHashMap<>();
        operations
                .values()
                .forEach(ops -> ops.forEach(o -> owners.computeIfAbsent(o.template(), t -> new TreeSet<>())
                        .add(o.service())));
        sharedTemplates = owners.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The public path of an operation under the documented rule. */
    static String publicPath(Operation o) {
        return sharedTemplates.contains(o.template()) ? "/" + o.service() + o.concrete() : o.concrete();
    }

    @Test
    void theSharedOperationsAreExactlyTheDocumentedOnes() {
        for (String service : RenderedManifests.SERVICES) {
            Set<String> shared = operations.get(service).stream()
                    .filter(o -> sharedTemplates.contains(o.template()))
                    .map(o -> o.method() + " " + o.template())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(
                    sharedBy(service),
                    shared,
                    service + ": operations sharing a path with another service "
                            + "(a new one is reached as /<service>/v1/... only if the per-service Ingress regex lists its first segment; update README 'Routing')");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOperationReachesItsOwningService(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        IngressRouting routing = IngressRouting.of(apiIngresses(m));
        String host = host(routing);
        List<String> problems = check(m, routing, host);
        System.out.printf(
                "%nIngress routing, overlay %s (host %s):%n%-20s %6s %8s %9s%n",
                overlay, host, "service", "ops", "shared", "routed OK");
        for (String service : RenderedManifests.SERVICES) {
            List<Operation> ops = operations.get(service);
            long shared = ops.stream()
                    .filter(o -> sharedTemplates.contains(o.template()))
                    .count();
            long ok = ops.stream()
                    .filter(o -> problem(m, routing, host, o).isEmpty())
                    .count();
            System.out.printf("%-20s %6d %8d %9d%n", service, ops.size(), shared, ok);
        }
        assertEquals(List.of(), problems, overlay);

        // the documented rule, spelt out: each shared operation through each service's prefix
        for (String service : RenderedManifests.SERVICES) {
            for (String op : SHARED) {
                String template = op.substring(op.indexOf(' ') + 1);
                Operation o = new Operation(service, op.substring(0, op.indexOf(' ')), template);
                Optional<IngressRouting.Target> t = routing.route(host, "/" + service + o.concrete());
                assertTrue(t.isPresent(), overlay + ": /" + service + o.concrete() + " is not routed");
                assertEquals(service, t.get().service(), overlay + ": /" + service + o.concrete());
                assertEquals(o.concrete(), t.get().upstreamPath(), overlay + ": /" + service + o.concrete());
                // the bare shared path answers for nobody
                assertEquals(
                        Optional.empty(),
                        routing.route(host, o.concrete()),
                        overlay + ": " + o.concrete() + " must not be routed to one of the services that serve it");
            }
        }

        // ingress-nginx applies annotations per Ingress: the plain routes carry no rewrite
        for (IngressRouting.Route r : routing.routes) {
            if (!"ImplementationSpecific".equals(r.pathType())) {
                assertEquals(null, r.rewriteTarget(), overlay + ": " + r + " would be rewritten");
            }
        }
    }

    /**
     * Quarkus's own endpoints under /q: Swagger UI and OpenAPI on the http port; health and metrics on the
     * management port in the packaged build, but still on http in dev mode and in any build without it.
     */
    static final List<String> NOT_PUBLIC = List.of(
            "/q",
            "/q/",
            "/q/health",
            "/q/health/ready",
            "/q/health/live",
            "/q/health/started",
            "/q/health/group/events",
            "/q/metrics",
            "/q/swagger-ui",
            "/q/swagger-ui/index.html",
            "/q/openapi",
            "/q/openapi.json",
            "/q/dev-ui",
            "/Q/health",
            "/Q/METRICS");

    /**
     * Nothing under /q is reachable through the Ingress: no health, metrics, Swagger UI or OpenAPI document,
     * directly or under a service's prefix. Every route is a /v1/... prefix or a /<service>/v1/... path, so a
     * request the controller has normalised (dot segments resolved, %2F decoded) cannot land under /q.
     */
    static List<String> managementPathProblems(IngressRouting routing, String host) {
        List<String> problems = new ArrayList<>();
        for (IngressRouting.Route r : routing.routes) {
            boolean api = r.path().startsWith("/v1/")
                    || RenderedManifests.SERVICES.stream()
                            .anyMatch(s -> r.path().startsWith("/" + s + "/v1/"));
            if (!api) {
                problems.add(r + ": a route outside /v1/ and /<service>/v1/");
            }
        }
        List<String> paths = new ArrayList<>(NOT_PUBLIC);
        for (String s : RenderedManifests.SERVICES) {
            paths.add("/" + s + "/q/health");
            paths.add("/" + s + "/q/metrics");
            paths.add("/" + s + "/v1/q/metrics");
        }
        for (String p : paths) {
            routing.route(host, p)
                    .ifPresent(t -> problems.add(
                            p + " is routed to " + t.service() + " as " + t.upstreamPath() + " by " + t.route()));
        }
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noQuarkusEndpointIsRouted(String overlay) {
        IngressRouting routing = IngressRouting.of(apiIngresses(RenderedManifests.of(overlay)));
        assertEquals(List.of(), managementPathProblems(routing, host(routing)), overlay);
    }

    @Test
    void aCatchAllRouteExposingQuarkusEndpointsIsCaught() {
        IngressRouting routing = IngressRouting.of(apiIngresses(RenderedManifests.of("dev")));
        String host = host(routing);
        List<IngressRouting.Route> withCatchAll = new ArrayList<>(routing.routes);
        withCatchAll.add(
                new IngressRouting.Route("praxis-api", host, "/", "Prefix", "intake-service", "http", null, false));
        List<String> problems = managementPathProblems(new IngressRouting(withCatchAll), host);
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("/q/metrics is routed to intake-service")),
                String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("a route outside /v1/")), String.join("\n", problems));
    }

    @Test
    void theModelReportsAnOperationWhoseRuleIsRemoved() {
        RenderedManifests m = RenderedManifests.of("dev");
        IngressRouting routing = IngressRouting.of(apiIngresses(m));
        String host = host(routing);
        assertEquals(List.of(), check(m, routing, host));

        IngressRouting.Route riskFlags = routing.routes.stream()
                .filter(r -> r.path().equals("/v1/risk-flags"))
                .findFirst()
                .orElseThrow();
        List<String> problems = check(m, routing.without(riskFlags), host);
        assertFalse(problems.isEmpty(), "removing " + riskFlags + " went unnoticed");
        assertTrue(
                problems.stream()
                        .allMatch(p -> p.startsWith("intake-service ")
                                && p.contains("/v1/risk-flags")
                                && p.contains("not routed")),
                String.join("\n", problems));

        IngressRouting.Route referralShared = routing.routes.stream()
                .filter(r -> r.service().equals("referral-service") && r.rewriteTarget() != null)
                .findFirst()
                .orElseThrow();
        problems = check(m, routing.without(referralShared), host);
        assertEquals(SHARED.size(), problems.size(), String.join("\n", problems));
        assertTrue(
                problems.stream().allMatch(p -> p.startsWith("referral-service ") && p.contains("not routed")),
                String.join("\n", problems));

        // a plain Prefix route for a shared path would answer for one service only
        IngressRouting.Route wrong = new IngressRouting.Route(
                "praxis-api", host, "/v1/audit-events", "Prefix", "intake-service", "http", null, false);
        List<IngressRouting.Route> withWrong = new ArrayList<>(routing.routes);
        withWrong.add(wrong);
        assertTrue(new IngressRouting(withWrong).route(host, "/v1/audit-events").isPresent());
        assertThrowsAssertion(() -> everySharedBarePathUnrouted(new IngressRouting(withWrong), host));
    }

    private static void everySharedBarePathUnrouted(IngressRouting routing, String host) {
        for (String template : sharedTemplates) {
            assertEquals(Optional.empty(), routing.route(host, template.replaceAll("\\{[^}/]+}", SAMPLE)), template);
        }
    }

    private static void assertThrowsAssertion(Runnable r) {
        try {
            r.run();
        } catch (AssertionError expected) {
            return;
        }
        throw new AssertionError("expected the check to fail");
    }

    /** Keycloak's public host, the issuer's: its hostname setting. */
    static String loginHost(RenderedManifests m) {
        return URI.create(m.ofKind("Keycloak")
                        .get(0)
                        .at("/spec/hostname/hostname")
                        .asText())
                .getHost();
    }

    private static Set<String> hosts(JsonNode ingress) {
        Set<String> hosts = new TreeSet<>();
        ingress.at("/spec/rules").forEach(r -> hosts.add(r.path("host").asText()));
        return hosts;
    }

    /** The Ingresses of the API's host: every one but the login host's. */
    static List<JsonNode> apiIngresses(RenderedManifests m) {
        String login = loginHost(m);
        return m.ofKind("Ingress").stream()
                .filter(i -> !hosts(i).contains(login))
                .toList();
    }

    /** Paths of the login host, each with whether it must reach Keycloak. */
    static Map<String, Boolean> loginPaths(String realm) {
        Map<String, Boolean> paths = new LinkedHashMap<>();
        for (String p : List.of(
                "/realms/" + realm + "/protocol/openid-connect/auth",
                "/realms/" + realm + "/protocol/openid-connect/token",
                "/realms/" + realm + "/protocol/openid-connect/certs",
                "/realms/" + realm + "/.well-known/openid-configuration",
                "/realms/" + realm + "/login-actions/authenticate",
                "/realms/" + realm + "/account",
                "/resources/x1y2z/login/keycloak.v2/css/styles.css")) {
            paths.put(p, true);
        }
        for (String p : List.of(
                "/",
                "/admin",
                "/admin/master/console/",
                "/admin/realms/" + realm + "/users",
                "/realms/master",
                "/realms/master/protocol/openid-connect/token",
                "/realms/" + realm + "x/protocol/openid-connect/token",
                "/metrics",
                "/health",
                "/health/ready",
                "/q/health")) {
            paths.put(p, false);
        }
        return paths;
    }

    static List<String> loginHostProblems(RenderedManifests m, List<JsonNode> loginIngresses) {
        List<String> problems = new ArrayList<>();
        JsonNode keycloak = m.ofKind("Keycloak").get(0);
        String host = loginHost(m);
        String realm =
                m.ofKind("KeycloakRealmImport").get(0).at("/spec/realm/realm").asText();
        String service = RenderedManifests.name(keycloak) + "-service";
        if (keycloak.at("/spec/ingress/enabled").asBoolean(true)) {
            problems.add("the Keycloak operator's own Ingress is on: every path, the default ingress class, no TLS");
        }
        JsonNode api = m.ofKind("Ingress").stream()
                .filter(i ->
                        i.at("/metadata/annotations").has("cert-manager.io/cluster-issuer") && !hosts(i).contains(host))
                .findFirst()
                .orElseThrow();
        if (loginIngresses.isEmpty()) {
            problems.add("no Ingress for " + host);
        }
        for (JsonNode ing : loginIngresses) {
            String name = RenderedManifests.name(ing);
            if (!api.at("/spec/ingressClassName").equals(ing.at("/spec/ingressClassName"))) {
                problems.add(name + ": ingress class " + ing.at("/spec/ingressClassName") + ", the API's is "
                        + api.at("/spec/ingressClassName"));
            }
            boolean tls = false;
            for (JsonNode t : ing.at("/spec/tls")) {
                tls |= t.path("hosts").toString().contains("\"" + host + "\"")
                        && !t.path("secretName").asText().isEmpty();
            }
            if (!tls) {
                problems.add(name + ": no TLS certificate for " + host);
            }
            JsonNode ann = ing.at("/metadata/annotations");
            if (!api.at("/metadata/annotations/cert-manager.io~1cluster-issuer")
                    .equals(ann.path("cert-manager.io/cluster-issuer"))) {
                problems.add(name + ": its certificate is not from the API's issuer");
            }
            if (!"HTTPS"
                    .equals(ann.path("nginx.ingress.kubernetes.io/backend-protocol")
                            .asText())) {
                problems.add(name + ": the controller would speak HTTP to Keycloak, which serves HTTPS only");
            }
        }
        IngressRouting routing = IngressRouting.of(loginIngresses);
        loginPaths(realm).forEach((path, reach) -> {
            Optional<IngressRouting.Target> t = routing.route(host, path);
            if (reach
                    && (t.isEmpty()
                            || !t.get().service().equals(service)
                            || !t.get().upstreamPath().equals(path)
                            || !"https".equals(t.get().port()))) {
                problems.add(path + " must reach " + service + ":https as is; "
                        + t.map(x -> x.service() + ":" + x.port() + " " + x.upstreamPath())
                                .orElse("not routed"));
            }
            if (!reach && t.isPresent()) {
                problems.add(path + " must not be public; routed to " + t.get().service() + " by "
                        + t.get().route());
            }
        });
        return problems;
    }

    /**
     * Users log in at Keycloak's public hostname (the tokens' issuer): through the API's ingress class, with
     * a certificate from the same issuer, over HTTPS to Keycloak; only the praxis realm and the login pages'
     * resources are public, never the admin console, the master realm or health and metrics.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theLoginHostRoutesTheRealmAndNothingElse(String overlay) {
        RenderedManifests m = RenderedManifests.of(overlay);
        String host = loginHost(m);
        List<JsonNode> login = m.ofKind("Ingress").stream()
                .filter(i -> hosts(i).contains(host))
                .toList();
        assertEquals(List.of(), loginHostProblems(m, login), overlay);
    }

    @Test
    void aLoginHostRouteToTheAdminConsoleIsCaught() {
        RenderedManifests m = RenderedManifests.of("dev");
        String host = loginHost(m);
        JsonNode ing = m.ofKind("Ingress").stream()
                .filter(i -> hosts(i).contains(host))
                .findFirst()
                .orElseThrow()
                .deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) ing.at("/spec/rules/0/http/paths/0")).put("path", "/");
        List<String> problems = loginHostProblems(m, List.of(ing));
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("/admin/master/console/ must not be public")),
                String.join("\n", problems));
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("/realms/master must not be public")),
                String.join("\n", problems));
    }

    private static String host(IngressRouting routing) {
        Set<String> hosts =
                routing.routes.stream().map(IngressRouting.Route::host).collect(Collectors.toSet());
        assertEquals(1, hosts.size(), "one public host: " + hosts);
        return hosts.iterator().next();
    }

    private static List<String> check(RenderedManifests m, IngressRouting routing, String host) {
        List<String> problems = new ArrayList<>();
        for (List<Operation> ops : operations.values()) {
            for (Operation o : ops) {
                problem(m, routing, host, o).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static Optional<String> problem(RenderedManifests m, IngressRouting routing, String host, Operation o) {
        String path = publicPath(o);
        Optional<IngressRouting.Target> t = routing.route(host, path);
        String where = o + " (" + o.method() + " " + path + "): ";
        if (t.isEmpty()) {
            return Optional.of(where + "not routed");
        }
        IngressRouting.Target target = t.get();
        if (!target.service().equals(o.service())) {
            return Optional.of(where + "routed to " + target.service() + " by " + target.route());
        }
        if (!target.upstreamPath().equals(o.concrete()) || !o.served(target.upstreamPath())) {
            return Optional.of(where + "arrives as " + target.upstreamPath() + " by " + target.route());
        }
        return portProblem(m, target).map(p -> where + p);
    }

    /** The Ingress's port must be a port of the Service whose target is the container's http port. */
    private static Optional<String> portProblem(RenderedManifests m, IngressRouting.Target t) {
        JsonNode svc = m.ofKind("Service").stream()
                .filter(s -> RenderedManifests.name(s).equals(t.service()))
                .findFirst()
                .orElse(null);
        if (svc == null) {
            return Optional.of("no Service " + t.service());
        }
        JsonNode port = null;
        for (JsonNode p : svc.at("/spec/ports")) {
            if (t.port().equals(p.path("name").asText())
                    || t.port().equals(p.path("port").asText())) {
                port = p;
            }
        }
        if (port == null) {
            return Optional.of("Service " + t.service() + " has no port " + t.port());
        }
        JsonNode deployment = m.ofKind("Deployment").stream()
                .filter(d -> RenderedManifests.name(d).equals(t.service()))
                .findFirst()
                .orElse(null);
        if (deployment == null) {
            return Optional.of("no Deployment " + t.service());
        }
        String target = port.path("targetPort").asText(port.path("port").asText());
        for (JsonNode p : deployment.at("/spec/template/spec/containers/0/ports")) {
            if (target.equals(p.path("name").asText())
                    || target.equals(p.path("containerPort").asText())) {
                return "http".equals(p.path("name").asText())
                        ? Optional.empty()
                        : Optional.of("Service port " + t.port() + " reaches container port "
                                + p.path("name").asText() + ", not http");
            }
        }
        return Optional.of("Service " + t.service() + " port " + t.port() + " targets " + target
                + ", which the container does not expose");
    }
}
