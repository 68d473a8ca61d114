package org.praxis.assessment.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A framework written out as the CASE 1.0 document {@link CaseDocuments} reads back: each item's
 * {@code isChildOf} association first, then the other associations as they were imported.
 */
public final class CaseExports {
    private static final String URI_BASE = "https://praxis.dev/case/";

    private CaseExports() {}

    public static CaseDocument write(CompetenceFramework f) {
        Map<String, String> codes = new HashMap<>();
        f.items().forEach(i -> codes.put(i.id(), i.code()));
        CaseDocument.CaseLink document = link(f.title(), f.documentId(), "CFDocuments");
        List<CaseDocument.CaseItem> items = new ArrayList<>();
        List<CaseDocument.CaseAssociation> associations = new ArrayList<>();
        for (CompetenceFramework.Item i : f.items()) {
            items.add(new CaseDocument.CaseItem(
                    i.id(), URI_BASE + "CFItems/" + i.id(), i.statement(), i.code(), i.type(), document));
            boolean top = i.parentId().equals(f.documentId());
            associations.add(new CaseDocument.CaseAssociation(
                    CaseDocuments.associationId(i.id(), i.parentId()),
                    CaseDocuments.IS_CHILD_OF,
                    link(i.code(), i.id(), "CFItems"),
                    top ? document : link(codes.getOrDefault(i.parentId(), ""), i.parentId(), "CFItems")));
        }
        for (CompetenceFramework.Association o : f.otherAssociations()) {
            associations.add(new CaseDocument.CaseAssociation(
                    o.id(),
                    o.type(),
                    link("", o.originId(), "CFItems"),
                    link("", o.destinationId(), o.destinationId().equals(f.documentId()) ? "CFDocuments" : "CFItems")));
        }
        CaseDocument.CaseHeader header = new CaseDocument.CaseHeader(
                f.documentId(),
                URI_BASE + "CFDocuments/" + f.documentId(),
                "Praxis",
                f.title(),
                Integer.toString(f.version()),
                f.code());
        return new CaseDocument(header, List.copyOf(items), List.copyOf(associations));
    }

    private static CaseDocument.CaseLink link(String title, String id, String kind) {
        return new CaseDocument.CaseLink(title, id, URI_BASE + kind + "/" + id);
    }
}
