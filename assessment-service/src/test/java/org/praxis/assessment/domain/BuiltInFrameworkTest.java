package org.praxis.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.praxis.platform.problem.Violation;

class BuiltInFrameworkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CompetenceFramework f = BuiltInFramework.framework();

    /** The export as the JSON tree a client holds, to break it as a client could. */
    private ObjectNode exported() {
        return JSON.valueToTree(CaseExports.write(f));
    }

    /** Reads a JSON tree as the API does: bound to {@link CaseDocument}, then checked. */
    private static CompetenceFramework read(ObjectNode doc) throws Exception {
        return CaseDocuments.read("x", 1, JSON.treeToValue(doc, CaseDocument.class));
    }

    private Map<String, Long> competencesPerArea(String domain) {
        return f.competencesOf(domain).stream()
                .collect(Collectors.groupingBy(
                        i -> i.code().substring(0, i.code().indexOf('.', 3)),
                        LinkedHashMap::new,
                        Collectors.counting()));
    }

    @Test
    void domainOneHasTheSeedsAreasOfEightTenTenAndNineCompetences() {
        assertEquals(Map.of("D1.A1", 8L, "D1.A2", 10L, "D1.A3", 10L, "D1.A4", 9L), competencesPerArea("D1"));
        assertEquals(37, f.competencesOf("D1").size());
    }

    @Test
    void domainTwoHasTheSeedsAreasOfEightSixFiveAndFourCompetences() {
        assertEquals(Map.of("D2.A1", 8L, "D2.A2", 6L, "D2.A3", 5L, "D2.A4", 4L), competencesPerArea("D2"));
        assertEquals(23, f.competencesOf("D2").size());
    }

    @Test
    void metacompetencesBelongToDomainOneAreasOnlyAndOneFoundationalCompetenceCrownsIt() {
        List<String> metas = f.items().stream()
                .filter(i -> CompetenceFramework.METACOMPETENCE.equals(i.type()))
                .map(CompetenceFramework.Item::code)
                .toList();
        assertEquals(List.of("D1.A1.M", "D1.A2.M", "D1.A3.M", "D1.A4.M"), metas);
        assertEquals(
                List.of("F"),
                f.items().stream()
                        .filter(i -> CompetenceFramework.FOUNDATIONAL.equals(i.type()))
                        .map(CompetenceFramework.Item::code)
                        .toList());
        assertEquals(
                2,
                f.items().stream()
                        .filter(i -> CompetenceFramework.DOMAIN.equals(i.type()))
                        .count());
        assertEquals(
                8,
                f.items().stream()
                        .filter(i -> CompetenceFramework.AREA.equals(i.type()))
                        .count());
    }

    @Test
    void codesFollowDomainAreaAndTheFrameworksOwnNumbering() {
        assertTrue(f.item("D1.A2.2.9").isPresent(), "the example code of the issue");
        assertTrue(f.item("D1.A2.2.10").isPresent());
        assertTrue(f.item("D2.A4.4.4").isPresent());
        assertTrue(f.item("D2.A4.4.5").isEmpty());
        assertTrue(f.item("D1.A4.4.10").isEmpty());
        assertTrue(f.competencesOf("D1").stream().allMatch(i -> i.code().matches("D1\\.A([1-4])\\.\\1\\.\\d{1,2}")));
        assertEquals(
                f.items().size(),
                f.items().stream()
                        .map(CompetenceFramework.Item::code)
                        .distinct()
                        .count());
    }

    @Test
    void theBuiltInFrameworkGoesThroughCaseAndComesBackTheSame() {
        CaseDocument exported = CaseExports.write(f);
        CompetenceFramework back = CaseDocuments.read(f.code(), f.version(), exported);
        assertEquals(f.items(), back.items());
        assertEquals(f.title(), back.title());
        assertEquals(exported, CaseExports.write(back));
    }

    @Test
    void aMalformedDocumentIsRefusedNamingEachProblem() {
        ObjectNode doc = exported();
        ArrayNode items = (ArrayNode) doc.get("CFItems");
        ((ObjectNode) items.get(3))
                .put("humanCodingScheme", items.get(2).get("humanCodingScheme").asText());
        ((ObjectNode) items.get(5)).remove("fullStatement");
        ((ArrayNode) doc.get("CFAssociations")).remove(7); // item 7 loses its parent
        CaseDocuments.InvalidDocument e = assertThrows(CaseDocuments.InvalidDocument.class, () -> read(doc));
        List<String> where = e.violations.stream().map(Violation::field).toList();
        assertTrue(where.contains("CFItems[3].humanCodingScheme"), where.toString());
        assertTrue(where.contains("CFItems[5].fullStatement"), where.toString());
        assertTrue(e.violations.stream().anyMatch(p -> p.message().contains("no isChildOf parent")), where.toString());

        assertThrows(
                CaseDocuments.InvalidDocument.class,
                () -> CaseDocuments.read("x", 1, new CaseDocument(null, null, null)));
        ObjectNode empty = JSON.createObjectNode();
        empty.putObject("CFDocument").put("identifier", "d");
        CaseDocuments.InvalidDocument none = assertThrows(CaseDocuments.InvalidDocument.class, () -> read(empty));
        assertEquals(
                List.of("CFDocument.title", "CFItems"),
                none.violations.stream().map(Violation::field).toList());
    }

    @Test
    void aCycleIsRefused() {
        ObjectNode doc = exported();
        ArrayNode associations = (ArrayNode) doc.get("CFAssociations");
        // Make the first domain a child of its own first area.
        String domain = doc.get("CFItems").get(1).get("identifier").asText();
        String area = doc.get("CFItems").get(2).get("identifier").asText();
        for (var a : associations) {
            if (a.get("originNodeURI").get("identifier").asText().equals(domain)) {
                ((ObjectNode) a.get("destinationNodeURI")).put("identifier", area);
            }
        }
        CaseDocuments.InvalidDocument e = assertThrows(CaseDocuments.InvalidDocument.class, () -> read(doc));
        assertTrue(e.violations.stream().anyMatch(p -> p.message().contains("its own ancestor")));
    }
}
