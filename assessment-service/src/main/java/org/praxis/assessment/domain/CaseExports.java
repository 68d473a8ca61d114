package org.praxis.assessment.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A framework written out as the CASE 1.0 document {@link CaseDocuments} reads back: each item's
 * {@code isChildOf} association first, then the other associations as they were imported.
 */
public final class CaseExports {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URI_BASE = "https://praxis.dev/case/";

    private CaseExports() {}

    public static ObjectNode write(CompetenceFramework f) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode doc = root.putObject("CFDocument");
        doc.put("identifier", f.documentId());
        doc.put("uri", URI_BASE + "CFDocuments/" + f.documentId());
        doc.put("creator", "Praxis");
        doc.put("title", f.title());
        doc.put("version", Integer.toString(f.version()));
        doc.put("humanCodingScheme", f.code());
        ArrayNode items = root.putArray("CFItems");
        ArrayNode associations = root.putArray("CFAssociations");
        for (CompetenceFramework.Item i : f.items()) {
            ObjectNode item = items.addObject();
            item.put("identifier", i.id());
            item.put("uri", URI_BASE + "CFItems/" + i.id());
            item.put("fullStatement", i.statement());
            item.put("humanCodingScheme", i.code());
            item.put("CFItemType", i.type());
            item.set("CFDocumentURI", link(f.title(), f.documentId(), "CFDocuments"));
            ObjectNode a = associations.addObject();
            a.put(
                    "identifier",
                    java.util
                            .UUID
                            .nameUUIDFromBytes((i.id() + ">" + i.parentId()).getBytes())
                            .toString());
            a.put("associationType", CaseDocuments.IS_CHILD_OF);
            a.set("originNodeURI", link(i.code(), i.id(), "CFItems"));
            boolean top = i.parentId().equals(f.documentId());
            a.set(
                    "destinationNodeURI",
                    link(
                            top
                                    ? f.title()
                                    : f.items().stream()
                                            .filter(p -> p.id().equals(i.parentId()))
                                            .findFirst()
                                            .map(CompetenceFramework.Item::code)
                                            .orElse(""),
                            i.parentId(),
                            top ? "CFDocuments" : "CFItems"));
        }
        for (CompetenceFramework.Association o : f.otherAssociations()) {
            ObjectNode a = associations.addObject();
            a.put("identifier", o.id());
            a.put("associationType", o.type());
            a.set("originNodeURI", link("", o.originId(), "CFItems"));
            a.set(
                    "destinationNodeURI",
                    link("", o.destinationId(), o.destinationId().equals(f.documentId()) ? "CFDocuments" : "CFItems"));
        }
        return root;
    }

    private static ObjectNode link(String title, String id, String kind) {
        ObjectNode n = JSON.createObjectNode();
        n.put("title", title);
        n.put("identifier", id);
        n.put("uri", URI_BASE + kind + "/" + id);
        return n;
    }
}
