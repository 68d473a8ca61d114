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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.api.IntakeViews.ClientPreferenceView;
import org.praxis.intake.domain.ClientPreference;
import org.praxis.intake.domain.ClientPreferences;
import org.praxis.intake.domain.ClientWording;
import org.praxis.intake.domain.ClientWordings;
import org.praxis.intake.domain.Decisions;
import org.praxis.intake.domain.Triage;
import org.praxis.intake.domain.Wording;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;

/**
 * A client's own intake (issue 22): their recommendation and decided pathway with the reasons, in words only
 * (never a pathway, band, rule or flag code), and the preference they record before the decision.
 */
@Path("/v1/me/intakes/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The signed-in caller: who they are, and a client's own items")
public class MyIntakeResource {
    @Inject
    Decisions decisions;

    @Inject
    ClientPreferences preferences;

    @Inject
    ClientWordings wordings;

    /** One text a client reads, in the language it is in. */
    public record ClientWords(
            @Schema(required = true, maxLength = ClientWording.MAX_LOCALE, description = "The text's language")
            String locale,

            @Schema(required = true, maxLength = ClientWording.MAX_TEXT)
            String text) {
        static ClientWords of(Wording.Said said) {
            return new ClientWords(said.locale(), said.text());
        }
    }

    public record MyPathwayView(
            @Schema(required = true) UUID intakeId,

            @Schema(description = "What triage recommends now, in words; none before any screening or flag")
            ClientWords recommended,

            @Schema(required = true, maxItems = Triage.MAX_REASONS, description = "Why, in words, each once")
            List<ClientWords> reasons,

            @Schema(description = "The pathway decided with the practitioner, in words; none before the decision")
            ClientWords decided,

            Instant decidedAt,

            @Schema(description = "The client's own preference; none before they record one")
            ClientPreferenceView preference) {}

    // The example lives on the schema: generators ignore a request body's own example, with a warning.
    @Schema(examples = {"{\"preference\": \"work-with-a-coach\", \"note\": \"Evenings suit me best\"}"})
    public record PreferenceRequest(
            @NotBlank
            @Size(max = Bounds.CODE)
            @Schema(
                    required = true,
                    description = "work-with-a-coach, talk-with-a-therapist, coach-and-therapist, not-sure or"
                            + " no-help-now")
            String preference,

            @Size(max = Bounds.SUBJECT) @Schema(description = "A coach the client would like to work with")
            String preferredCoach,

            @Size(max = Bounds.REASON) String note) {}

    @GET
    @Path("pathway")
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:view-own-pathway")
    @Operation(
            operationId = "getMyPathway",
            summary = "The signed-in client's recommendation and decided pathway with the reasons, in plain words"
                    + " in the language Accept-Language asks for, and their own preference")
    public MyPathwayView pathway(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                    @Size(max = ScreeningResource.MAX_ACCEPT_LANGUAGE)
                    @Parameter(description = ScreeningResource.LANGUAGE)
                    String acceptLanguage) {
        Decisions.ForClient mine = decisions.forClient(id);
        Wording wording = wordings.forClient(acceptLanguage);
        Triage.Recommendation r = mine.recommendation();
        return new MyPathwayView(
                id,
                r == null ? null : ClientWords.of(wording.pathway(r.pathway().code())),
                r == null
                        ? List.of()
                        : r.reasons().stream()
                                .map(x -> ClientWords.of(wording.reason(x.rule())))
                                .distinct()
                                .toList(),
                mine.decision() == null ? null : ClientWords.of(wording.pathway(mine.decision().pathway)),
                mine.decision() == null ? null : mine.decision().decidedAt,
                mine.preference() == null ? null : ClientPreferenceView.of(mine.preference()));
    }

    @PUT
    @Path("preference")
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:record-preference")
    @Operation(
            operationId = "recordMyPreference",
            summary = "Record the signed-in client's preference on their intake before the decision: the first"
                    + " without If-Match, a change with it (audited)")
    @APIResponse(
            responseCode = "200",
            description = "Recorded; ETag is the preference's version",
            content = @Content(schema = @Schema(implementation = ClientPreferenceView.class)))
    @APIResponse(responseCode = "409", description = "The pathway has been decided")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "A change without If-Match")
    public Response recordPreference(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Size(max = Bounds.ETAG_HEADER) String ifMatch,
            @Valid @NotNull PreferenceRequest request) {
        ClientPreference p =
                preferences.record(id, request.preference(), request.preferredCoach(), request.note(), ifMatch);
        return ETags.ok(ClientPreferenceView.of(p), p.version);
    }
}
