package org.praxis.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.domain.AccessPolicies;
import org.praxis.assessment.domain.BuiltInFramework;
import org.praxis.assessment.domain.CaseDocument;
import org.praxis.assessment.domain.CaseDocuments;
import org.praxis.assessment.domain.CaseExports;
import org.praxis.assessment.domain.CompetenceFramework;
import org.praxis.assessment.domain.Frameworks;
import org.praxis.assessment.domain.access.FrameworkPolicy;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.IdempotencyKeys;

@Path("/v1/frameworks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Frameworks",
        description = "Competence frameworks: the built-in one and the tenant's imported versions (CASE JSON)")
public class FrameworkResource {
    @Inject
    Frameworks frameworks;

    @Inject
    AccessPolicies policies;

    @Inject
    IdempotencyKeys idempotency;

    public record FrameworkSummary(
            @Schema(required = true, maxLength = CaseDocuments.MAX_CODE)
            String code,

            @Schema(required = true, minimum = "1", maximum = AssessmentBounds.VERSION_MAX)
            int version,

            @Schema(required = true, maxLength = CaseDocuments.MAX_TITLE)
            String title,

            @Schema(required = true) boolean builtIn,

            @Schema(required = true, minimum = "1", maximum = "" + CaseDocuments.MAX_ITEMS)
            int items) {
        static FrameworkSummary of(CompetenceFramework f) {
            return new FrameworkSummary(
                    f.code(),
                    f.version(),
                    f.title(),
                    BuiltInFramework.CODE.equals(f.code()),
                    f.items().size());
        }
    }

    /** {@code parentCode}: null for a top-level item (a child of the document itself). */
    public record ItemView(
            @Schema(required = true, maxLength = CaseDocuments.MAX_IDENTIFIER)
            String id,

            @Schema(required = true, maxLength = CaseDocuments.MAX_CODE)
            String code,

            @Schema(required = true, maxLength = CaseDocuments.MAX_CODE)
            String type,

            @Schema(required = true, maxLength = CaseDocuments.MAX_STATEMENT)
            String statement,

            @Schema(maxLength = CaseDocuments.MAX_CODE) String parentCode) {}

    public record FrameworkView(
            @Schema(required = true, maxLength = CaseDocuments.MAX_CODE)
            String code,

            @Schema(required = true, minimum = "1", maximum = AssessmentBounds.VERSION_MAX)
            int version,

            @Schema(required = true, maxLength = CaseDocuments.MAX_TITLE)
            String title,

            @Schema(required = true) boolean builtIn,

            @Schema(required = true, maxItems = CaseDocuments.MAX_ITEMS)
            List<ItemView> items) {
        static FrameworkView of(CompetenceFramework f) {
            Map<String, String> codes = new HashMap<>();
            f.items().forEach(i -> codes.put(i.id(), i.code()));
            return new FrameworkView(
                    f.code(),
                    f.version(),
                    f.title(),
                    BuiltInFramework.CODE.equals(f.code()),
                    f.items().stream()
                            .map(i -> new ItemView(i.id(), i.code(), i.type(), i.statement(), codes.get(i.parentId())))
                            .toList());
        }
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "framework:view")
    @Operation(operationId = "listFrameworks", summary = "The latest version of every framework the tenant can use")
    @APIResponse(
            responseCode = "200",
            description = "The built-in framework and at most " + Frameworks.MAX_FRAMEWORKS + " imported ones",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = FrameworkSummary.class,
                                            maxItems = Frameworks.MAX_FRAMEWORKS + 1)))
    public List<FrameworkSummary> list() {
        FrameworkPolicy policy = policies.framework();
        return frameworks.latest().stream()
                .filter(f -> policy.canView(policies.caller(), f))
                .map(FrameworkSummary::of)
                .toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "framework:view")
    @Operation(
            operationId = "getFramework",
            summary = "A framework version as a tree of coded items (latest unless ?version=)")
    public FrameworkView get(
            @PathParam("code") @Size(max = CaseDocuments.MAX_CODE) String code,
            @QueryParam("version") @Min(1) @Max(Integer.MAX_VALUE) Integer version) {
        return FrameworkView.of(
                policies.framework().requireView(policies.caller(), frameworks.get(code, version), code));
    }

    @GET
    @Path("{code}/versions/{version}/case")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "framework:export-case")
    @Operation(operationId = "exportFrameworkAsCase", summary = "Export a framework version as 1EdTech CASE JSON")
    public CaseDocument export(
            @PathParam("code") @Size(max = CaseDocuments.MAX_CODE) String code,
            @PathParam("version") @Min(1) @Max(Integer.MAX_VALUE) int version) {
        return CaseExports.write(policies.framework()
                .require(policies.caller(), FrameworkPolicy.Action.EXPORT_CASE, frameworks.get(code, version), code));
    }

    @POST
    @Path("{code}/versions")
    @Transactional // the idempotency key is claimed in the import's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "framework:import")
    @Operation(
            operationId = "importFramework",
            summary = "Import a CASE JSON document as the framework's next version (immutable once published)")
    @APIResponse(
            responseCode = "201",
            description = "Published",
            content = @Content(schema = @Schema(implementation = FrameworkView.class)))
    @APIResponse(
            responseCode = "422",
            description = "The document is malformed or over its bounds (" + CaseDocuments.MAX_ITEMS
                    + " items, " + CaseDocuments.MAX_ASSOCIATIONS + " associations, " + CaseDocuments.MAX_DEPTH
                    + " levels, texts by kind); every problem is named and nothing is stored")
    public Response publish(
            @PathParam("code") @Size(max = CaseDocuments.MAX_CODE) String code,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @NotNull CaseDocument document) {
        policies.framework().requireAllowed(policies.caller(), FrameworkPolicy.Action.IMPORT);
        return idempotency.once(key, "import-framework " + code, document, () -> {
            CompetenceFramework f = frameworks.publish(code, document);
            return Response.created(URI.create("/v1/frameworks/" + code + "?version=" + f.version()))
                    .entity(FrameworkView.of(f))
                    .build();
        });
    }
}
