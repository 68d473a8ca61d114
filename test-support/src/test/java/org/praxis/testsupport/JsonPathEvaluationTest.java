package org.praxis.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** JSON paths give what RestAssured's own Groovy evaluation gives: the same values, the same errors. */
class JsonPathEvaluationTest {
    private static final String JSON = """
            {"id": "a1", "total": 17, "ratio": 0.25, "open": true, "nothing": null, "text": "seven",
             "answers": {"1": 2, "9": 0}, "risk-flags": [{"code": "item-9"}],
             "items": [
               {"id": "x", "status": "OPEN", "total": 3, "riskFlags": [{"code": "item-9", "level": "URGENT"}]},
               {"id": "y", "status": "CLOSED", "riskFlags": []},
               null,
               {"id": "z", "tags": ["a", "b"], "riskFlags": null},
               [{"id": "nested"}]
             ],
             "empty": "a field named like a list's own property",
             "rows": [[1, 2], [3]],
             "names": ["Ann", "Bo"]}
            """;

    /** Paths the Java reading takes: names, indexes, a final size(). */
    private static final List<String> PLAIN = List.of(
            "id",
            "total",
            "ratio",
            "open",
            "nothing",
            "text",
            "answers",
            "answers.1",
            "answers.9",
            "answers.2",
            "risk-flags",
            "risk-flags.code",
            "risk-flags[0].code",
            "items",
            "items.id",
            "items.status",
            "items.total",
            "items.riskFlags",
            "items.riskFlags.code",
            "items.riskFlags[0]",
            "items[0].riskFlags[0].level",
            "items[1].riskFlags[0]",
            "items[1].riskFlags[0].code",
            "items[3].riskFlags.code",
            "items[2]",
            "items[2].id",
            "items[9]",
            "items[9].id",
            "items[-1]",
            "items[-1].id",
            "items.tags",
            "missing",
            "missing.deeper",
            "missing[0]",
            "nothing.below",
            "items.size()",
            "items.id.size()",
            "answers.size()",
            "text.size()",
            "rows",
            "rows[0]",
            "rows[0][1]",
            "rows[1][5]",
            "names[1]",
            "items[0].riskFlags.size()",
            "$",
            "");

    /** Paths left to Groovy: closures, parameters, methods, a list's own properties, errors. */
    private static final List<String> GROOVY = List.of(
            "items.find { it.id == 'y' }.status",
            "items.findAll { it?.status == 'OPEN' }.id",
            "items.id.max()",
            "items.empty",
            "items.class",
            "names.first",
            "items[-9]",
            "nothing.size()",
            "total.size()",
            "text[0]",
            "text.bytes.size()",
            "total.value",
            "items.id.unique()",
            "items[0].id.toUpperCase()",
            "items.sum { 1 }",
            "items.find { it.id == wanted }.status",
            "items.find { it.id == undefined }.status",
            "items.[",
            "items.find { ",
            "names.size().x",
            "answers['1']",
            "items*.id",
            "empty",
            "rows[01]",
            "rows[09]");

    @AfterEach
    void takeOverAgain() {
        JsonPathEvaluation.install();
    }

    @Test
    void everyPathGivesWhatRestAssuredGives() {
        JsonPathEvaluation.uninstall();
        Map<String, String> expected = outcomes();

        JsonPathEvaluation.install();
        long[] before = JsonPathEvaluation.counts();
        Map<String, String> actual = outcomes();
        long[] after = JsonPathEvaluation.counts();

        List<String> differences = new ArrayList<>();
        expected.forEach((path, outcome) -> {
            if (!outcome.equals(actual.get(path))) {
                differences.add(path + "\n  RestAssured: " + outcome + "\n  here:        " + actual.get(path));
            }
        });
        assertEquals(List.of(), differences);
        assertEquals(PLAIN.size() - 2, after[0] - before[0], "plain paths read in Java ($ and \"\" never reach eval)");
        assertEquals(GROOVY.size(), after[1] - before[1], "paths handed to Groovy");
    }

    @Test
    void theOutcomesAreNotAllAlike() {
        Map<String, String> outcomes = outcomes();
        assertTrue(outcomes.get("items.riskFlags.code").contains("item-9"), outcomes.toString());
        assertTrue(outcomes.get("items.find { it.id == undefined }.status").startsWith("error"), outcomes.toString());
        assertTrue(outcomes.get("items.[").startsWith("error"), outcomes.toString());
        assertEquals("value null", outcomes.get("missing.deeper"));
        assertFalse(outcomes.get("items.empty").equals(outcomes.get("empty")));
    }

    @Test
    void installingTwiceKeepsOneTakeOver() {
        JsonPathEvaluation.install();
        JsonPathEvaluation.install();
        long before = JsonPathEvaluation.counts()[0];
        assertEquals("a1", JsonPath.from(JSON).getString("id"));
        assertEquals(before + 1, JsonPathEvaluation.counts()[0]);
    }

    private static Map<String, String> outcomes() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(PLAIN);
        paths.addAll(GROOVY);
        for (String path : paths) {
            outcomes.put(path, outcome(JsonPath.from(JSON).param("wanted", "x"), path));
        }
        return outcomes;
    }

    private static String outcome(JsonPath json, String path) {
        try {
            Object value = json.get(path);
            return "value " + value
                    + (value == null ? "" : " " + value.getClass().getName());
        } catch (RuntimeException e) {
            return "error " + e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
