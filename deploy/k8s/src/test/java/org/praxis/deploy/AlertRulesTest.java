package org.praxis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PrometheusRule ({@code base/platform/alerts.yaml}), the alarm table of {@code docs/runbook.md} and
 * the metrics the services expose agree: every alert links a section the runbook has, every alarm the
 * runbook lists has its rule (same metric, same duration), and every metric an expression reads is one
 * the platform registers. Mutations in memory show each disagreement is reported.
 */
class AlertRulesTest {
    static final String RUNBOOK_URL = "https://github.com/praxis/praxis/blob/main/docs/runbook.md";
    /** Prometheus's own series, per scrape target; no service registers it. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Set<String> PROMQL_WORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "and",
            "or",
            "unless",
            "offset",
            "Inf",
            "NaN",
            "inf",
            "nan");

    record Rule(
            String alert, String expr, String duration, Map<String, String> labels, Map<String, String> annotations) {}

    /** A row of the runbook's alarm table. */
    record Alarm(String name, String metric, String firesWhen) {}

    record Runbook(Map<String, Alarm> alarms, Set<String> anchors) {}

    private static Path project() {
        return RenderedManifests.k8s().getParent().getParent();
    }

    static List<Rule> rules(RenderedManifests m) {
        List<JsonNode> docs = m.ofKind("PrometheusRule");
        assertEquals(
                List.of("praxis-events"),
                docs.stream().map(RenderedManifests::name).toList(),
                "overlays/" + m.overlay);
        List<Rule> rules = new ArrayList<>();
        for (JsonNode group : docs.get(0).at("/spec/groups")) {
            for (JsonNode r : group.path("rules")) {
                rules.add(new Rule(
                        r.path("alert").asText(),
                        r.path("expr").asText(),
                        r.path("for").asText(),
                        strings(r.path("labels")),
                        strings(r.path("annotations"))));
            }
        }
        return rules;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static Runbook runbook(String markdown) {
        Map<String, Alarm> alarms = new LinkedHashMap<>();
        Set<String> anchors = new LinkedHashSet<>();
        Matcher ids = Pattern.compile("<a id=\"([^\"]+)\"></a>").matcher(markdown);
        while (ids.find()) {
            anchors.add(ids.group(1));
        }
        boolean inAlarms = false;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("#")) {
                anchors.add(slug(line.replaceFirst("^#+\\s*", "")));
                inAlarms = line.equals("## Alarms");
            } else if (inAlarms && line.startsWith("| <a id=")) {
                String[] cells = line.split("\\|");
                String name = cells[1].replaceAll("<a id=\"[^\"]+\"></a>", "").trim();
                alarms.put(name, new Alarm(name, cells[2].trim().replace("`", ""), cells[3].trim()));
            }
        }
        return new Runbook(alarms, anchors);
    }

    /** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    /** The metric names a PromQL expression reads (not its functions, aggregations, label names or keywords). */
    static Set<String> metrics(String expr) {
        String e = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^\\]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?")
                .matcher(e);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * Whether the services expose {@code name}: a meter the platform registers by its Micrometer name (a
     * gauge keeps its name in Prometheus, dots as underscores), or one a platform test reads off
     * {@code /q/metrics} by its Prometheus name (Kafka's client metrics, bound by KafkaClients).
     */
    static Predicate<String> exposedByThePlatform() throws IOException {
        String main = sources(project().resolve("platform/src/main/java"), f -> true);
        String metricsTests =
                sources(project().resolve("platform-tests/src/test/java"), text -> text.contains("/q/metrics"));
        return name -> PROMETHEUS_OWN.contains(name)
                || main.contains('"' + name.replace('_', '.') + '"')
                || metricsTests.contains('"' + name + '"');
    }

    private static String sources(Path root, Predicate<String> keep) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> {
                        try {
                            return Files.readString(f, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .filter(keep)
                    .collect(Collectors.joining("\n"));
        }
    }

    /** Minutes of a Prometheus duration such as {@code 5m} or {@code 1h}; -1 when it is neither. */
    private static long minutes(String duration) {
        Matcher m = Pattern.compile("(\\d+)([mh])").matcher(duration);
        return m.matches() ? Long.parseLong(m.group(1)) * (m.group(2).equals("h") ? 60 : 1) : -1;
    }

    static List<String> problems(List<Rule> rules, Runbook runbook, Predicate<String> exposed) {
        List<String> problems = new ArrayList<>();
        Set<String> alerts = new LinkedHashSet<>();
        for (Rule r : rules) {
            String a = r.alert();
            if (!alerts.add(a)) {
                problems.add(a + ": two rules of that name");
            }
            if (!Set.of("critical", "warning").contains(r.labels().getOrDefault("severity", ""))) {
                problems.add(a + ": severity is not critical or warning: "
                        + r.labels().get("severity"));
            }
            for (String annotation : List.of("summary", "description")) {
                if (r.annotations().getOrDefault(annotation, "").isBlank()) {
                    problems.add(a + ": no " + annotation);
                }
            }
            String url = r.annotations().getOrDefault("runbook_url", "");
            String anchor = url.startsWith(RUNBOOK_URL + "#") ? url.substring(RUNBOOK_URL.length() + 1) : null;
            if (anchor == null || !runbook.anchors().contains(anchor)) {
                problems.add(a + ": runbook_url " + url + " is not a section of docs/runbook.md");
            }
            Set<String> read = metrics(r.expr());
            if (read.isEmpty()) {
                problems.add(a + ": reads no metric: " + r.expr());
            }
            read.stream()
                    .filter(exposed.negate())
                    .forEach(n -> problems.add(a + ": " + n + " is not a metric the platform registers"));
            Alarm alarm = runbook.alarms().get(a);
            if (alarm == null) {
                problems.add(a + ": not in the runbook's alarm table");
                continue;
            }
            if (!read.contains(alarm.metric())) {
                problems.add(a + ": the runbook says it reads " + alarm.metric() + ", the rule reads " + read);
            }
            if (!alarm.firesWhen().endsWith("for " + minutes(r.duration()) + " min")) {
                problems.add(
                        a + ": the runbook says it fires '" + alarm.firesWhen() + "', the rule waits " + r.duration());
            }
        }
        runbook.alarms().keySet().stream()
                .filter(n -> !alerts.contains(n))
                .forEach(n -> problems.add(n + ": in the runbook's alarm table but no rule raises it"));
        return problems;
    }

    private static Runbook theRunbook() throws IOException {
        return runbook(Files.readString(project().resolve("docs/runbook.md"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theRulesTheRunbookAndThePlatformsMetricsAgree(String overlay) throws IOException {
        List<Rule> rules = rules(RenderedManifests.of(overlay));
        Predicate<String> exposed = exposedByThePlatform();
        assertEquals(List.of(), problems(rules, theRunbook(), exposed));
        assertEquals(
                Set.of("OutboxStuck", "DeadLetters", "ConsumerDead", "ConsumerLag", "ServiceDown", "EventsParked"),
                rules.stream().map(Rule::alert).collect(Collectors.toSet()));
    }

    @Test
    void theMetricsOfAnExpressionAreItsSeriesNotItsFunctionsOrLabels() {
        assertEquals(
                Set.of("praxis_outbox_oldest_unsent_seconds"),
                metrics("max by (namespace, job) (praxis_outbox_oldest_unsent_seconds) > 120"));
        assertEquals(Set.of("up"), metrics("up{job=~\"intake-service|session-service\"} == 0"));
        assertEquals(
                Set.of("a_total", "b"),
                metrics("sum without (pod) (rate(a_total{x=\"y(z)\"}[5m])) / on(job) group_left b offset 1h"));
        assertEquals("outbox-stuck-what-to-do", slug("Outbox stuck: what to do"));
    }

    @Test
    void eachDisagreementIsReported() throws IOException {
        List<Rule> rules = rules(RenderedManifests.of("prod"));
        Runbook runbook = theRunbook();
        Predicate<String> exposed = exposedByThePlatform();
        assertEquals(List.of(), problems(rules, runbook, exposed), "the unmutated rules pass");
        Map<String, List<String>> reported = new TreeMap<>();

        Consumer<List<Rule>> noop = l -> {};
        reportedFor(
                reported,
                "a link to a section the runbook lacks",
                rules,
                runbook,
                exposed,
                "OutboxStuck",
                l -> replace(
                        l,
                        "OutboxStuck",
                        r -> new Rule(
                                r.alert(),
                                r.expr(),
                                r.duration(),
                                r.labels(),
                                with(r.annotations(), "runbook_url", RUNBOOK_URL + "#outbox"))));
        reportedFor(
                reported,
                "a link elsewhere than the runbook",
                rules,
                runbook,
                exposed,
                "DeadLetters",
                l -> replace(
                        l,
                        "DeadLetters",
                        r -> new Rule(
                                r.alert(),
                                r.expr(),
                                r.duration(),
                                r.labels(),
                                with(
                                        r.annotations(),
                                        "runbook_url",
                                        "https://example.org/runbook.md#dead-letters-what-to-do"))));
        reportedFor(
                reported,
                "a metric the platform does not register",
                rules,
                runbook,
                exposed,
                "ConsumerDead",
                l -> replace(
                        l,
                        "ConsumerDead",
                        r -> new Rule(
                                r.alert(),
                                "praxis_inbox_consumer_up == 0",
                                r.duration(),
                                r.labels(),
                                r.annotations())));
        reportedFor(
                reported,
                "another duration than the runbook's",
                rules,
                runbook,
                exposed,
                "ServiceDown",
                l -> replace(l, "ServiceDown", r -> new Rule(r.alert(), r.expr(), "1m", r.labels(), r.annotations())));
        reportedFor(
                reported,
                "no severity",
                rules,
                runbook,
                exposed,
                "ConsumerLag",
                l -> replace(
                        l, "ConsumerLag", r -> new Rule(r.alert(), r.expr(), r.duration(), Map.of(), r.annotations())));
        reportedFor(
                reported,
                "a runbook alarm without its rule",
                rules,
                runbook,
                exposed,
                "EventsParked",
                l -> l.removeIf(r -> r.alert().equals("EventsParked")));
        reportedFor(
                reported,
                "a rule the runbook's table lacks",
                rules,
                runbook(Files.readString(project().resolve("docs/runbook.md"))
                        .replaceAll("(?m)^\\| <a id=\"dead-letters\"></a>DeadLetters .*\\n", "")),
                exposed,
                "DeadLetters",
                noop);
        reported.forEach(
                (mutation, problems) -> System.out.printf("alert rules, mutation '%s': %s%n", mutation, problems));
    }

    private static void reportedFor(
            Map<String, List<String>> reported,
            String mutation,
            List<Rule> rules,
            Runbook runbook,
            Predicate<String> exposed,
            String alert,
            Consumer<List<Rule>> change) {
        List<Rule> mutant = new ArrayList<>(rules);
        change.accept(mutant);
        List<String> problems = problems(mutant, runbook, exposed);
        assertFalse(problems.isEmpty(), mutation + " passed");
        assertTrue(problems.stream().allMatch(p -> p.startsWith(alert + ":")), mutation + ": " + problems);
        reported.put(mutation, problems);
    }

    private static void replace(List<Rule> rules, String alert, java.util.function.UnaryOperator<Rule> change) {
        rules.replaceAll(r -> r.alert().equals(alert) ? change.apply(r) : r);
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    /** The replacement deploy/k8s/README.md gives (Monitoring) points every link at another runbook, anchors kept. */
    @Test
    void anOverlayPointsTheRunbookLinksElsewhereWithTheReadmesReplacement() throws Exception {
        String readme = Files.readString(RenderedManifests.k8s().resolve("README.md"), StandardCharsets.UTF_8);
        Matcher block =
                Pattern.compile("(?s)```yaml\\n(replacements:\\n.*?)```").matcher(readme);
        assertTrue(block.find(), "README.md (Monitoring) shows the replacement");
        Path overlay = RenderedManifests.k8s().resolve("target/runbook-overlay");
        Files.createDirectories(overlay);
        String elsewhere = "https://git.example.org/ops/praxis/-/blob/v2/docs/runbook.md";
        Files.writeString(
                overlay.resolve("runbook.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: praxis-runbook\n" + "data:\n  url: " + elsewhere
                        + "\n");
        Files.writeString(
                overlay.resolve("kustomization.yaml"),
                "resources:\n- ../../overlays/prod\n- runbook.yaml\n" + block.group(1));
        String out = RenderedManifests.render(overlay);
        List<String> urls = Pattern.compile("runbook_url: (\\S+)")
                .matcher(out)
                .results()
                .map(r -> r.group(1))
                .toList();
        List<String> expected = rules(RenderedManifests.of("prod")).stream()
                .map(r -> r.annotations().get("runbook_url").replace(RUNBOOK_URL, elsewhere))
                .toList();
        assertEquals(expected, urls);
    }
}
