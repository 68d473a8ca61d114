package org.praxis.assessment.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.web.Bounds;

/**
 * Frameworks in as JSON shaped after 1EdTech CASE 1.0 ({@link CaseExports} writes them out): a
 * {@code CFDocument}, its {@code CFItems} and the {@code CFAssociations} between them ({@code
 * isChildOf} builds the tree; other association types are kept and given back). Reading checks the
 * whole document and names every problem it finds; nothing partial is ever accepted. A document is
 * bounded: at most {@link #MAX_ITEMS} items, {@link #MAX_ASSOCIATIONS} associations, a tree
 * {@link #MAX_DEPTH} items deep, and each text no longer than its kind (a published framework of a
 * few hundred competences fits well inside them).
 */
public final class CaseDocuments {
    public static final String IS_CHILD_OF = "isChildOf";
    public static final int MAX_ITEMS = 1_000;
    /** The tree's isChildOf (one per item) and a few related-to links per item. */
    public static final int MAX_ASSOCIATIONS = 5 * MAX_ITEMS;
    /** Items from a top-level one down to the deepest (the built-in framework is 3 deep: domain, area, competence). */
    public static final int MAX_DEPTH = 10;
    /** identifier (CASE uses UUIDs; other issuers use longer URNs). */
    public static final int MAX_IDENTIFIER = Bounds.NAME;
    /** humanCodingScheme, CFItemType, associationType. */
    public static final int MAX_CODE = Bounds.CODE;

    public static final int MAX_TITLE = Bounds.NAME;
    public static final int MAX_STATEMENT = Bounds.REASON;

    /** Stands in for a null entry of {@code CFItems}, so it is named field by field like any incomplete item. */
    private static final CaseDocument.CaseItem NO_ITEM = new CaseDocument.CaseItem(null, null, null, null, null, null);

    private CaseDocuments() {}

    /** What is wrong with an imported document, each violation named by its JSON path. */
    public static final class InvalidDocument extends RuntimeException {
        public final List<Violation> violations;

        InvalidDocument(List<Violation> problems) {
            super(problems.size() + " problem(s) in the CASE document");
            this.violations = problems;
        }
    }

    public static CompetenceFramework read(String code, int version, CaseDocument root) {
        List<Violation> problems = new ArrayList<>();
        CaseDocument.CaseHeader doc = root.document();
        String documentId = doc == null ? null : text(doc.identifier());
        String title = doc == null ? null : text(doc.title());
        if (doc == null) {
            problems.add(new Violation("CFDocument", "is required"));
        } else {
            required(problems, "CFDocument.identifier", documentId, MAX_IDENTIFIER);
            required(problems, "CFDocument.title", title, MAX_TITLE);
            bounded(problems, "CFDocument.uri", doc.uri(), Bounds.URI);
            bounded(problems, "CFDocument.creator", doc.creator(), MAX_TITLE);
            bounded(problems, "CFDocument.version", doc.version(), MAX_CODE);
            bounded(problems, "CFDocument.humanCodingScheme", doc.humanCodingScheme(), MAX_CODE);
        }
        List<CaseDocument.CaseItem> itemsIn = root.items();
        if (itemsIn == null || itemsIn.isEmpty()) {
            problems.add(new Violation("CFItems", "must be a non-empty array"));
        } else if (itemsIn.size() > MAX_ITEMS) {
            problems.add(new Violation("CFItems", "must have at most " + MAX_ITEMS + " items"));
        }
        List<CaseDocument.CaseAssociation> associationsIn =
                root.associations() == null ? List.of() : root.associations();
        if (associationsIn.size() > MAX_ASSOCIATIONS) {
            problems.add(new Violation("CFAssociations", "must have at most " + MAX_ASSOCIATIONS + " associations"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDocument(problems);
        }

        Map<String, CaseDocument.CaseItem> items = new HashMap<>();
        Set<String> codes = new HashSet<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < itemsIn.size(); i++) {
            CaseDocument.CaseItem item = itemsIn.get(i) == null ? NO_ITEM : itemsIn.get(i);
            String at = "CFItems[" + i + "]";
            String id = text(item.identifier());
            String itemCode = text(item.humanCodingScheme());
            if (required(problems, at + ".identifier", id, MAX_IDENTIFIER)) {
                if (items.containsKey(id) || id.equals(documentId)) {
                    problems.add(new Violation(at + ".identifier", "repeats " + id));
                } else {
                    items.put(id, item);
                    order.add(id);
                }
            }
            if (required(problems, at + ".humanCodingScheme", itemCode, MAX_CODE) && !codes.add(itemCode)) {
                problems.add(new Violation(at + ".humanCodingScheme", "repeats " + itemCode));
            }
            required(problems, at + ".fullStatement", text(item.fullStatement()), MAX_STATEMENT);
            required(problems, at + ".CFItemType", text(item.itemType()), MAX_CODE);
            bounded(problems, at + ".uri", item.uri(), Bounds.URI);
            bounded(problems, at + ".CFDocumentURI", item.documentUri());
        }

        Map<String, String> parents = new HashMap<>();
        List<CompetenceFramework.Association> others = new ArrayList<>();
        for (int i = 0; i < associationsIn.size(); i++) {
            CaseDocument.CaseAssociation a = associationsIn.get(i);
            String at = "CFAssociations[" + i + "]";
            String type = a == null ? null : text(a.associationType());
            String origin =
                    a == null || a.origin() == null ? null : text(a.origin().identifier());
            String destination = a == null || a.destination() == null
                    ? null
                    : text(a.destination().identifier());
            if (type == null || origin == null || destination == null) {
                problems.add(new Violation(
                        at, "needs associationType, originNodeURI.identifier and destinationNodeURI.identifier"));
                continue;
            }
            String id = text(a.identifier());
            if (type.length() > MAX_CODE
                    || longer(id, MAX_IDENTIFIER)
                    || longer(origin, MAX_IDENTIFIER)
                    || longer(destination, MAX_IDENTIFIER)) {
                problems.add(new Violation(
                        at,
                        "associationType must be at most " + MAX_CODE + " characters, identifiers at most "
                                + MAX_IDENTIFIER));
                continue;
            }
            bounded(problems, at + ".originNodeURI", a.origin());
            bounded(problems, at + ".destinationNodeURI", a.destination());
            if (!items.containsKey(origin)) {
                problems.add(new Violation(at + ".originNodeURI", "is not an item of this document: " + origin));
                continue;
            }
            if (!items.containsKey(destination) && !destination.equals(documentId)) {
                problems.add(
                        new Violation(at + ".destinationNodeURI", "is not an item or the document: " + destination));
                continue;
            }
            if (IS_CHILD_OF.equals(type)) {
                if (parents.putIfAbsent(origin, destination) != null) {
                    problems.add(new Violation(at, "gives item " + origin + " a second parent"));
                }
            } else {
                others.add(new CompetenceFramework.Association(
                        id == null ? associationId(type + " " + origin, destination) : id, type, origin, destination));
            }
        }
        for (String id : order) {
            if (!parents.containsKey(id)) {
                problems.add(new Violation("CFAssociations", "item " + code(items, id) + " has no isChildOf parent"));
                continue;
            }
            int depth = depth(id, parents, documentId);
            if (depth < 0) {
                problems.add(new Violation("CFAssociations", "item " + code(items, id) + " is its own ancestor"));
            } else if (depth > MAX_DEPTH) {
                problems.add(new Violation(
                        "CFAssociations", "item " + code(items, id) + " lies deeper than " + MAX_DEPTH + " levels"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDocument(problems);
        }
        List<CompetenceFramework.Item> result = order.stream()
                .map(id -> {
                    CaseDocument.CaseItem item = items.get(id);
                    return new CompetenceFramework.Item(
                            id,
                            text(item.humanCodingScheme()),
                            text(item.itemType()),
                            text(item.fullStatement()),
                            parents.get(id));
                })
                .toList();
        return new CompetenceFramework(code, version, title, documentId, result, List.copyOf(others));
    }

    /** How many items from a top-level one down to {@code id} (1 at the top); -1 when the chain comes back on itself. */
    private static int depth(String id, Map<String, String> parents, String documentId) {
        Set<String> seen = new HashSet<>();
        String at = id;
        while (at != null && !at.equals(documentId)) {
            if (!seen.add(at)) {
                return -1;
            }
            at = parents.get(at);
        }
        return seen.size();
    }

    private static boolean longer(String value, int max) {
        return value != null && value.length() > max;
    }

    /** Names a missing or over-long text; true when it is there and fits. */
    private static boolean required(List<Violation> problems, String at, String value, int max) {
        if (value == null) {
            problems.add(new Violation(at, "is required"));
            return false;
        }
        if (value.length() > max) {
            problems.add(new Violation(at, "must be at most " + max + " characters"));
            return false;
        }
        return true;
    }

    /** A text the reader does not keep but that must still fit its bound; absent is fine. */
    private static void bounded(List<Violation> problems, String at, String value, int max) {
        if (longer(value, max)) {
            problems.add(new Violation(at, "must be at most " + max + " characters"));
        }
    }

    private static void bounded(List<Violation> problems, String at, CaseDocument.CaseLink link) {
        if (link != null) {
            bounded(problems, at + ".title", link.title(), MAX_TITLE);
            bounded(problems, at + ".identifier", link.identifier(), MAX_IDENTIFIER);
            bounded(problems, at + ".uri", link.uri(), Bounds.URI);
        }
    }

    private static String code(Map<String, CaseDocument.CaseItem> items, String id) {
        String c = text(items.get(id).humanCodingScheme());
        return c == null ? id : c;
    }

    /** Blank is absent, as in a document where an issuer left a field empty. */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The id of an association the document gave none: stable, and as short as any id it may hold (a UUID).
     * A parent's is made of the two items alone (the export's); any other's of its type too, so that a related-to
     * association alongside the parent's is not given the same id.
     */
    static String associationId(String origin, String destination) {
        return UUID.nameUUIDFromBytes((origin + ">" + destination).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
