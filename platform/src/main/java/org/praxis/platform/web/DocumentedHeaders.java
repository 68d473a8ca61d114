package org.praxis.platform.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Declares in the OpenAPI document the headers the platform's conventions send and require, so no
 * operation hand-writes them: {@code Location} on every 201 (a create answers {@code Response.created});
 * {@code If-Match} required where the operation declares 428 ({@link ETags#requireMatch}); {@code ETag} on
 * the success responses of operations that send one ({@link ETags#ok}, {@link ETags#created},
 * {@link ETags#okUnlessNotModified}).
 *
 * <p>Which operations send an ETag is not visible in the document, so it is inferred: those taking
 * {@code If-Match} or {@code If-None-Match}, and those whose success answers the same schema as one of
 * them (the view of a versioned resource, e.g. the create and the read of what a change takes If-Match on).
 */
public final class DocumentedHeaders {
    private static final Set<String> CONDITIONAL = Set.of("If-Match", "If-None-Match");

    private DocumentedHeaders() {}

    public static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<Operation> operations = openAPI.getPaths().getPathItems().values().stream()
                .flatMap(path -> path.getOperations().values().stream())
                .toList();
        Set<String> versionedViews = new HashSet<>();
        for (Operation op : operations) {
            if (parameters(op).stream().anyMatch(p -> CONDITIONAL.contains(p.getName()))) {
                versionedViews.addAll(successSchemas(op));
            }
        }
        for (Operation op : operations) {
            if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
                continue;
            }
            boolean sendsETag = parameters(op).stream().anyMatch(p -> CONDITIONAL.contains(p.getName()))
                    || successSchemas(op).stream().anyMatch(versionedViews::contains);
            for (Map.Entry<String, APIResponse> response :
                    op.getResponses().getAPIResponses().entrySet()) {
                String code = response.getKey();
                if (code.equals("201")) {
                    declare(
                            response.getValue(),
                            "Location",
                            "Where the created resource is read",
                            "uri-reference",
                            Bounds.URI);
                }
                if (sendsETag && (code.equals("200") || code.equals("201") || code.equals("304"))) {
                    declare(
                            response.getValue(),
                            "ETag",
                            "The version shown; send it as If-Match to change the resource, as If-None-Match to read"
                                    + " it again",
                            null,
                            Bounds.ETAG_HEADER);
                }
            }
            if (op.getResponses().getAPIResponse("428") != null) {
                parameters(op).stream()
                        .filter(p -> "If-Match".equals(p.getName()))
                        .forEach(p -> p.setRequired(true));
            }
        }
    }

    private static List<Parameter> parameters(Operation op) {
        return op.getParameters() == null ? List.of() : op.getParameters();
    }

    /** The component schemas an operation's 200 or 201 answers. */
    private static Set<String> successSchemas(Operation op) {
        Set<String> refs = new HashSet<>();
        if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
            return refs;
        }
        for (String code : List.of("200", "201")) {
            APIResponse response = op.getResponses().getAPIResponse(code);
            if (response != null
                    && response.getContent() != null
                    && response.getContent().getMediaTypes() != null) {
                response.getContent().getMediaTypes().values().stream()
                        .map(media -> media.getSchema() == null
                                ? null
                                : media.getSchema().getRef())
                        .filter(ref -> ref != null)
                        .forEach(refs::add);
            }
        }
        return refs;
    }

    private static void declare(APIResponse response, String name, String description, String format, int maxLength) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        Schema string =
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
        if (format != null) {
            string.setFormat(format);
        }
        Header header = OASFactory.createHeader().description(description).schema(string);
        response.addHeader(name, header);
    }
}
