package org.praxis.assessment.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.platform.web.Bounds;

/**
 * A CASE 1.0 document as Praxis reads ({@link CaseDocuments}) and writes it ({@link CaseExports}),
 * named as CASE names its fields. What an issuer adds besides these fields is ignored. {@code required}
 * is what an import needs; an export always carries every field. The bounds are checked by
 * {@link CaseDocuments#read}, which names every problem at once, so they are declared here, not enforced.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseDocument(
        @JsonProperty("CFDocument") @Schema(required = true) CaseHeader document,

        @JsonProperty("CFItems") @Schema(required = true, minItems = 1, maxItems = CaseDocuments.MAX_ITEMS)
        List<CaseItem> items,

        @JsonProperty("CFAssociations")
        @Schema(
                required = true,
                description =
                        "Every item's isChildOf association (its parent: an item or the document), and any others",
                maxItems = CaseDocuments.MAX_ASSOCIATIONS)
        List<CaseAssociation> associations) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseHeader(
            @Schema(required = true, maxLength = CaseDocuments.MAX_IDENTIFIER)
            String identifier,

            @Schema(maxLength = Bounds.URI) String uri,
            @Schema(maxLength = CaseDocuments.MAX_TITLE) String creator,

            @Schema(required = true, maxLength = CaseDocuments.MAX_TITLE)
            String title,

            @Schema(maxLength = CaseDocuments.MAX_CODE) String version,
            @Schema(maxLength = CaseDocuments.MAX_CODE) String humanCodingScheme) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseItem(
            @Schema(required = true, maxLength = CaseDocuments.MAX_IDENTIFIER)
            String identifier,

            @Schema(maxLength = Bounds.URI) String uri,

            @Schema(required = true, maxLength = CaseDocuments.MAX_STATEMENT)
            String fullStatement,

            @Schema(required = true, maxLength = CaseDocuments.MAX_CODE)
            String humanCodingScheme,

            @JsonProperty("CFItemType") @Schema(required = true, maxLength = CaseDocuments.MAX_CODE)
            String itemType,

            @JsonProperty("CFDocumentURI") CaseLink documentUri) {}

    /** {@code originNodeURI}: an item of this document; {@code destinationNodeURI}: an item or the document. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseAssociation(
            @Schema(maxLength = CaseDocuments.MAX_IDENTIFIER)
            String identifier,

            @Schema(required = true, maxLength = CaseDocuments.MAX_CODE, description = "isChildOf builds the tree")
            String associationType,

            @JsonProperty("originNodeURI") @Schema(required = true)
            CaseLink origin,

            @JsonProperty("destinationNodeURI") @Schema(required = true)
            CaseLink destination) {}

    /** A CASE LinkURI: only {@code identifier} is read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseLink(
            @Schema(maxLength = CaseDocuments.MAX_TITLE) String title,

            @Schema(required = true, maxLength = CaseDocuments.MAX_IDENTIFIER)
            String identifier,

            @Schema(maxLength = Bounds.URI) String uri) {}
}
