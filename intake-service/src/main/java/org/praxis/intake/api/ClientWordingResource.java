package org.praxis.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.domain.BuiltInWording;
import org.praxis.intake.domain.ClientWording;
import org.praxis.intake.domain.ClientWordings;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettings;
import org.praxis.platform.web.ETags;

@Path("/v1/admin/client-wording")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Client wording",
        description =
                "The plain words a client reads instead of band, flag, pathway and triage rule codes, the tenant's own"
                        + " over the built-in English ones")
public class ClientWordingResource {
    @Inject
    ClientWordings wordings;

    @Schema(name = "ClientText")
    public record Text(
            @NotBlank
            @Size(max = ClientWording.MAX_KEY)
            @Schema(
                    required = true,
                    pattern = ClientWording.KEY_PATTERN,
                    description = "What it words: score/<instrument>/<band> (score/<instrument> or score for any"
                            + " band), flag/<code> (flag for any), pathway/<code> (pathway for any), reason/<triage rule> (reason for"
                            + " any)",
                    examples = "score/PHQ-9/moderate")
            String key,

            @NotBlank
            @Size(max = ClientWording.MAX_LOCALE)
            @Schema(required = true, description = "A BCP 47 language tag", examples = "de")
            String locale,

            @NotBlank @Size(max = ClientWording.MAX_TEXT) @Schema(required = true)
            String text) {
        static Text of(ClientWording.Text t) {
            return new Text(t.key(), t.locale(), t.text());
        }
    }

    @Schema(name = "ClientWording")
    public record WordingRequest(
            @NotNull @Size(max = ClientWording.MAX_TEXTS) @Schema(required = true)
            List<@NotNull @Valid Text> texts) {
        ClientWording toDomain() {
            return new ClientWording(texts.stream()
                    .map(t -> new ClientWording.Text(t.key(), t.locale(), t.text()))
                    .toList());
        }
    }

    public record WordingView(
            @Schema(required = true, maxItems = ClientWording.MAX_TEXTS, description = "The tenant's own texts")
            List<Text> texts,

            @Schema(
                    required = true,
                    maxItems = ClientWording.MAX_TEXTS,
                    description = "The built-in English texts, which a tenant's text of the same key replaces")
            List<Text> builtIn,

            @Schema(required = true, minimum = "0", maximum = IntakeViews.COUNT_MAX)
            long revision,

            @Schema(required = true) boolean defaults) {
        static WordingView of(TenantSettings.Current<ClientWording> c) {
            return new WordingView(
                    c.settings().texts().stream().map(Text::of).toList(),
                    BuiltInWording.texts().stream().map(Text::of).toList(),
                    c.revision(),
                    c.defaults());
        }
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "client-wording:view")
    @Operation(
            operationId = "getClientWording",
            summary = "The tenant's words for clients and the built-in ones they replace")
    @APIResponse(
            responseCode = "200",
            description = "The wording; ETag is its revision",
            content = @Content(schema = @Schema(implementation = WordingView.class)))
    public Response get() {
        TenantSettings.Current<ClientWording> current = wordings.read();
        return ETags.ok(WordingView.of(current), current.revision());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "client-wording:replace")
    @Operation(
            operationId = "replaceClientWording",
            summary = "Replace the tenant's words for clients (If-Match required; audited)")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = WordingView.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response replace(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull WordingRequest request) {
        TenantSettings.Current<ClientWording> current = wordings.replace(request.toDomain(), ifMatch);
        return ETags.ok(WordingView.of(current), current.revision());
    }
}
