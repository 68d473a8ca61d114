package org.praxis.assessment.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A competence framework version as a tree of items (domains, areas, competences, metacompetences,
 * the foundational competence). Codes follow {@code D1.A2.2.9}: domain, area, then the competence
 * number as the framework writes it; {@code D1.A2.M} is an area's metacompetence, {@code F} the
 * foundational competence. Imported frameworks keep their own codes; eligibility looks for the
 * domains coded {@code D1} and {@code D2}.
 */
public record CompetenceFramework(
        String code,
        int version,
        String title,
        String documentId,
        List<Item> items,
        List<Association> otherAssociations) {
    public static final String DOMAIN = "Domain";
    public static final String AREA = "Area";
    public static final String COMPETENCE = "Competence";
    public static final String METACOMPETENCE = "Metacompetence";
    public static final String FOUNDATIONAL = "Foundational competence";

    /** One CASE item; {@code parentId} is the item it is a child of, or the document's id at the top. */
    public record Item(String id, String code, String type, String statement, String parentId) {}

    /** A CASE association other than the tree's {@code isChildOf}, kept so an export gives it back. */
    public record Association(String id, String type, String originId, String destinationId) {}

    public Optional<Item> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The competences (not metacompetences) under the domain coded {@code domainCode}, in framework order. */
    public List<Item> competencesOf(String domainCode) {
        Map<String, Item> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        List<Item> found = new ArrayList<>();
        for (Item i : items) {
            if (!COMPETENCE.equals(i.type())) {
                continue;
            }
            Item up = byId.get(i.parentId());
            while (up != null && !DOMAIN.equals(up.type())) {
                up = byId.get(up.parentId());
            }
            if (up != null && up.code().equals(domainCode)) {
                found.add(i);
            }
        }
        return found;
    }

    public boolean hasCompetence(String code) {
        return item(code)
                .filter(i ->
                        COMPETENCE.equals(i.type()) || METACOMPETENCE.equals(i.type()) || FOUNDATIONAL.equals(i.type()))
                .isPresent();
    }
}
