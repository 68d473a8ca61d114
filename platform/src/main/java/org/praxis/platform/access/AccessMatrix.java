package org.praxis.platform.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes one service's section of {@code docs/access.md} from its policies and its OpenAPI document:
 * every operation names the policy action that guards it ({@value #EXTENSION} on the operation), and
 * the grant tables say who reaches that action through which relation. Each service's access-matrix
 * test renders its section and fails when the committed file differs (or, with
 * {@code PRAXIS_DOCS_UPDATE=true} in the environment, rewrites it).
 */
public final class AccessMatrix {
    /** The OpenAPI extension naming the guard of an operation: {@code aggregate:action}. */
    public static final String EXTENSION = "x-praxis-access";

    private final String service;
    private final Map<String, AccessRules<?, ?>> byAggregate = new TreeMap<>();

    /** {@code rules}: the service's own policies; the platform's (audit trail, dead letters, keys, export requests, the subject export, rate limits) are added here. */
    public AccessMatrix(String service, List<AccessRules<?, ?>> rules) {
        this.service = service;
        List<AccessRules<?, ?>> all = new ArrayList<>(rules);
        all.add(org.praxis.platform.audit.AuditPolicy.RULES);
        all.add(org.praxis.platform.events.DeadLetterPolicy.RULES);
        all.add(org.praxis.platform.crypto.KeyPolicy.RULES);
        all.add(org.praxis.platform.privacy.ExportRequestPolicy.RULES);
        all.add(org.praxis.platform.privacy.SubjectExportPolicy.RULES);
        all.add(org.praxis.platform.ratelimit.RateLimitPolicy.RULES);
        for (AccessRules<?, ?> r : all) {
            if (byAggregate.put(r.aggregate(), r) != null) {
                throw new IllegalArgumentException("Two policies for " + r.aggregate());
            }
        }
    }

    public record Operation(String method, String path, String operationId, String guard) {}

    /** The operations under {@code /v1} of an OpenAPI document, with their guards (null where none is named). */
    public static List<Operation> operations(JsonNode openApi) {
        List<Operation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/v1")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                JsonNode guard = op.getValue().get(EXTENSION);
                out.add(new Operation(
                        op.getKey().toUpperCase(java.util.Locale.ROOT),
                        path.getKey(),
                        op.getValue().path("operationId").asText(""),
                        guard == null ? null : guard.asText()));
            }
        }
        out.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return out;
    }

    /** Operations without a guard or naming an unknown aggregate or action: each is a mistake. */
    public List<String> problems(List<Operation> operations) {
        List<String> problems = new ArrayList<>();
        for (Operation op : operations) {
            if (op.guard() == null) {
                problems.add(op.method() + " " + op.path() + " names no " + EXTENSION);
            } else if (resolve(op.guard()) == null) {
                problems.add(op.method() + " " + op.path() + " names unknown guard " + op.guard());
            }
        }
        return problems;
    }

    private Enum<?> resolve(String guard) {
        String[] parts = guard.split(":", 2);
        AccessRules<?, ?> rules = parts.length == 2 ? byAggregate.get(parts[0]) : null;
        if (rules == null) {
            return null;
        }
        for (Enum<?> action : rules.allActions()) {
            if (AccessRules.label(action).equals(parts[1])) {
                return action;
            }
        }
        return null;
    }

    /**
     * What a service's AccessMatrixTest asserts is empty: every {@code /v1} operation of its OpenAPI
     * document names a known guard, and {@code document}'s section for the service is up to date
     * (rewritten instead when the environment has {@code PRAXIS_DOCS_UPDATE=true}; not a system
     * property, which the service's own configuration would refuse as an unknown {@code praxis.*} key).
     */
    public List<String> verify(JsonNode openApi, Path document) {
        List<Operation> operations = operations(openApi);
        List<String> problems = problems(operations);
        if (problems.isEmpty()) {
            String stale =
                    checkOrWrite(document, render(operations), "true".equals(System.getenv("PRAXIS_DOCS_UPDATE")));
            if (stale != null) {
                problems.add(stale);
            }
        }
        return problems;
    }

    /** The markdown section for this service. */
    public String render(List<Operation> operations) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- BEGIN ").append(service).append(" (generated by its AccessMatrixTest; do not edit) -->\n");
        md.append("## ").append(service).append("\n\n### Operations\n\n");
        md.append("| operation | guard | ")
                .append(String.join(" | ", AccessRules.ROLES))
                .append(" | audit |\n");
        md.append("|---|---|").append("---|".repeat(AccessRules.ROLES.size())).append("---|\n");
        for (Operation op : operations) {
            String[] parts = op.guard().split(":", 2);
            AccessRules<?, ?> rules = byAggregate.get(parts[0]);
            md.append("| `")
                    .append(op.method())
                    .append(' ')
                    .append(op.path())
                    .append("` ")
                    .append(op.operationId())
                    .append(" | ")
                    .append(op.guard())
                    .append(" | ")
                    .append(cells(rules, resolve(op.guard())))
                    .append(" |\n");
        }
        md.append("\n### Policies\n");
        byAggregate.values().forEach(rules -> {
            md.append("\n#### ").append(rules.aggregate()).append("\n\n");
            md.append("| action | ")
                    .append(String.join(" | ", AccessRules.ROLES))
                    .append(" | audit |\n");
            md.append("|---|").append("---|".repeat(AccessRules.ROLES.size())).append("---|\n");
            for (Enum<?> action : rules.allActions()) {
                md.append("| ")
                        .append(AccessRules.label(action))
                        .append(" | ")
                        .append(cells(rules, action))
                        .append(" |\n");
            }
        });
        md.append("<!-- END ").append(service).append(" -->\n");
        return md.toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String cells(AccessRules rules, Enum<?> action) {
        List<String> cells = new ArrayList<>();
        for (String role : AccessRules.ROLES) {
            Set<Enum<?>> relations = rules.granted((Enum) action, role);
            cells.add(
                    relations.isEmpty()
                            ? "—"
                            : relations.stream().map(AccessRules::label).collect(Collectors.joining(", ")));
        }
        String audit = rules.audit((Enum) action);
        cells.add(audit.isEmpty() ? "—" : audit);
        return String.join(" | ", cells);
    }

    /**
     * Compares the service's section in {@code document} with {@code section}; with {@code update} it
     * writes the section instead. Returns null when they agree (or after writing), else what differs.
     */
    public String checkOrWrite(Path document, String section, boolean update) {
        try {
            String text = Files.exists(document) ? Files.readString(document, StandardCharsets.UTF_8) : "";
            String begin = "<!-- BEGIN " + service + " ";
            String end = "<!-- END " + service + " -->\n";
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            String current = from >= 0 && to > from ? text.substring(from, to + end.length()) : null;
            if (section.equals(current)) {
                return null;
            }
            if (!update) {
                return current == null
                        ? document + " has no section for " + service
                        : document + " is stale for " + service
                                + "; run PRAXIS_DOCS_UPDATE=true mvn verify and commit it";
            }
            String updated = current == null
                    ? text + (text.isEmpty() || text.endsWith("\n\n") ? "" : "\n") + section
                    : text.substring(0, from) + section + text.substring(to + end.length());
            Files.writeString(document, updated, StandardCharsets.UTF_8);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
