package org.praxis.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where ingress-nginx sends a request, modelled from the rendered Ingress objects of one overlay.
 *
 * <p>What is modelled (ingress-nginx's {@code buildLocation} and its path normalisation):
 * <ul>
 * <li>All Ingresses of the ingress class that name a host are merged into one nginx {@code server}.</li>
 * <li>A {@code Prefix} path {@code /p} becomes two locations, {@code /p/} (prefix) and {@code = /p} (exact).</li>
 * <li>When any Ingress on the host carries {@code use-regex: "true"} or {@code rewrite-target}, every
 * location of that host becomes {@code ~* "^<path>"} (case-insensitive regex, Exact included), and nginx
 * takes the first regex that matches, in the controller's order: longest path string first.</li>
 * <li>Otherwise {@code Exact} is {@code = path}; {@code Prefix} and {@code ImplementationSpecific} are nginx
 * prefix locations, the longest matching one wins.</li>
 * <li>{@code rewrite-target} is applied as {@code rewrite "(?i)<path>" <target> break;} — the whole URI
 * becomes the target with {@code $n} replaced by the path's capture groups.</li>
 * </ul>
 * Annotations belong to the Ingress object that carries them, never to the host.
 */
final class IngressRouting {
    static final String USE_REGEX = "nginx.ingress.kubernetes.io/use-regex";
    static final String REWRITE_TARGET = "nginx.ingress.kubernetes.io/rewrite-target";

    /** One path of one Ingress rule. */
    record Route(
            String ingress,
            String host,
            String path,
            String pathType,
            String service,
            String port,
            String rewriteTarget,
            boolean useRegex) {
        @Override
        public String toString() {
            return ingress + " " + pathType + " " + path + " -> " + service + ":" + port;
        }
    }

    /** An nginx location generated from a route. */
    private record Location(String path, boolean exact, Route route) {}

    /** Where a request ends up: the Service, its port (as the Ingress names it) and the path the pod receives. */
    record Target(String service, String port, String upstreamPath, Route route) {}

    final List<Route> routes;

    IngressRouting(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    static IngressRouting of(List<JsonNode> ingresses) {
        List<Route> routes = new ArrayList<>();
        for (JsonNode ing : ingresses) {
            String name = RenderedManifests.name(ing);
            JsonNode ann = ing.at("/metadata/annotations");
            String rewrite =
                    ann.hasNonNull(REWRITE_TARGET) ? ann.get(REWRITE_TARGET).asText() : null;
            boolean regex = "true".equals(ann.path(USE_REGEX).asText());
            for (JsonNode rule : ing.at("/spec/rules")) {
                for (JsonNode p : rule.at("/http/paths")) {
                    JsonNode port = p.at("/backend/service/port");
                    routes.add(new Route(
                            name,
                            rule.path("host").asText(),
                            p.path("path").asText("/"),
                            p.path("pathType").asText("ImplementationSpecific"),
                            p.at("/backend/service/name").asText(),
                            port.has("name")
                                    ? port.get("name").asText()
                                    : port.path("number").asText(),
                            rewrite,
                            regex));
                }
            }
        }
        return new IngressRouting(routes);
    }

    /** A copy without the given route (for the mutation check). */
    IngressRouting without(Route removed) {
        return new IngressRouting(
                routes.stream().filter(r -> !r.equals(removed)).toList());
    }

    boolean regexEnforced(String host) {
        return routes.stream().anyMatch(r -> r.host().equals(host) && (r.useRegex() || r.rewriteTarget() != null));
    }

    Optional<Target> route(String host, String uri) {
        List<Location> locations = new ArrayList<>();
        for (Route r : routes) {
            if (!r.host().equals(host)) {
                continue;
            }
            if ("Prefix".equals(r.pathType()) && !r.path().endsWith("/")) {
                locations.add(new Location(r.path() + "/", false, r));
                locations.add(new Location(r.path(), true, r));
            } else {
                locations.add(new Location(r.path(), "Exact".equals(r.pathType()), r));
            }
        }
        Location chosen = null;
        if (regexEnforced(host)) {
            locations.sort(
                    Comparator.comparingInt((Location l) -> l.path().length()).reversed());
            for (Location l : locations) {
                if (Pattern.compile("(?i)^" + l.path()).matcher(uri).find()) {
                    chosen = l;
                    break;
                }
            }
        } else {
            for (Location l : locations) {
                if (l.exact() && l.path().equals(uri)) {
                    chosen = l;
                    break;
                }
            }
            if (chosen == null) {
                for (Location l : locations) {
                    if (!l.exact()
                            && uri.startsWith(l.path())
                            && (chosen == null
                                    || l.path().length() > chosen.path().length())) {
                        chosen = l;
                    }
                }
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        Route r = chosen.route();
        return Optional.of(new Target(r.service(), r.port(), rewrite(r, uri), r));
    }

    private static String rewrite(Route r, String uri) {
        if (r.rewriteTarget() == null) {
            return uri;
        }
        Matcher m = Pattern.compile("(?i)" + r.path()).matcher(uri);
        if (!m.find()) {
            return uri;
        }
        Matcher ref = Pattern.compile("\\$(\\d)").matcher(r.rewriteTarget());
        StringBuilder out = new StringBuilder();
        while (ref.find()) {
            int g = Integer.parseInt(ref.group(1));
            String value = g <= m.groupCount() && m.group(g) != null ? m.group(g) : "";
            ref.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        ref.appendTail(out);
        return out.toString();
    }
}
