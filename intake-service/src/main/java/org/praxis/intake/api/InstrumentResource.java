package org.praxis.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.domain.Instrument;
import org.praxis.intake.domain.InstrumentDefinitionRules;
import org.praxis.intake.domain.Instruments;
import org.praxis.intake.domain.access.InstrumentPolicy;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.IdempotencyKeys;

@Path("/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Instruments", description = "Questionnaires and how the server scores them")
public class InstrumentResource {
    @Inject
    Instruments instruments;

    @Inject
    CallerContext callerContext;

    @Inject
    IdempotencyKeys idempotency;

    /**
     * A tenant's instrument as its admin publishes it; the store gives it its code and version. Sizes are
     * checked here, whether it can be scored by {@link InstrumentDefinitionRules}.
     */
    public record InstrumentDefinition(
            @Size(max = Bounds.NAME) String title,

            @NotEmpty @Size(max = InstrumentDefinitionRules.MAX_ITEMS)
            List<@NotNull @Valid Item> items,

            @NotEmpty @Size(max = Bounds.LIST) List<@NotNull @Valid Band> bands,
            @Size(max = Bounds.LIST) List<@NotNull @Valid ItemFlag> itemFlags) {
        Instruments.Definition toDomain() {
            return new Instruments.Definition(
                    title,
                    items.stream()
                            .map(i -> new Instrument.Item(i.linkId(), i.topic(), i.min(), i.max(), i.scored()))
                            .toList(),
                    bands.stream()
                            .map(b -> new Instrument.Band(b.min(), b.max(), b.severity()))
                            .toList(),
                    itemFlags == null
                            ? List.of()
                            : itemFlags.stream()
                                    .map(f -> new Instrument.ItemFlag(f.linkId(), f.atLeast(), f.code(), f.level()))
                                    .toList());
        }
    }

    /** One question; {@code topic} is a short label in our own words, not the licensed wording. */
    public record Item(
            @Size(max = Bounds.CODE) @Schema(required = true)
            String linkId,

            @Size(max = Bounds.NAME) String topic,

            @Min(0) @Max(InstrumentDefinitionRules.MAX_ANSWER) @Schema(required = true)
            int min,

            @Min(0) @Max(InstrumentDefinitionRules.MAX_ANSWER) @Schema(required = true)
            int max,

            @Schema(required = true) boolean scored) {
        static Item of(Instrument.Item i) {
            return new Item(i.linkId(), i.topic(), i.min(), i.max(), i.scored());
        }
    }

    /** Totals {@code min..max} inclusive have this severity code. */
    public record Band(
            @Min(0) @Max(InstrumentDefinitionRules.MAX_TOTAL) @Schema(required = true)
            int min,

            @Min(0) @Max(InstrumentDefinitionRules.MAX_TOTAL) @Schema(required = true)
            int max,

            @Size(max = Bounds.CODE) @Schema(required = true)
            String severity) {
        static Band of(Instrument.Band b) {
            return new Band(b.min(), b.max(), b.severity());
        }
    }

    /** An answer of at least {@code atLeast} to item {@code linkId} raises a risk flag, whatever the total. */
    public record ItemFlag(
            @Size(max = Bounds.CODE) @Schema(required = true)
            String linkId,

            @Min(0) @Max(InstrumentDefinitionRules.MAX_ANSWER) @Schema(required = true)
            int atLeast,

            @Size(max = Bounds.CODE) @Schema(required = true)
            String code,

            @Size(max = Bounds.CODE) @Schema(required = true)
            String level) {
        static ItemFlag of(Instrument.ItemFlag f) {
            return new ItemFlag(f.linkId(), f.atLeast(), f.code(), f.level());
        }
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "instrument:view")
    @Operation(
            operationId = "listInstruments",
            summary = "The built-in instruments and the latest version of the tenant's own")
    @APIResponse(
            responseCode = "200",
            description = "The instruments",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = InstrumentViews.InstrumentView.class,
                                            maxItems = Instruments.MAX_LISTED)))
    public List<InstrumentViews.InstrumentView> list() {
        new InstrumentPolicy().requireAllowed(callerContext.caller(), InstrumentPolicy.Action.VIEW);
        boolean scoring = readsScoring();
        return instruments.all().stream()
                .map(i -> InstrumentViews.InstrumentView.of(i, scoring))
                .toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "instrument:view")
    @Operation(
            operationId = "getInstrument",
            summary = "One instrument: items, answer ranges, scoring rule and version (a client reads the items,"
                    + " not the bands or flagged items)")
    public InstrumentViews.InstrumentView get(
            @PathParam("code") @Size(max = Bounds.CODE) String code,
            @QueryParam("version") @Min(1) @Max(Bounds.COUNT_MAX) Integer version) {
        new InstrumentPolicy().requireAllowed(callerContext.caller(), InstrumentPolicy.Action.VIEW);
        boolean scoring = readsScoring();
        return instruments
                .find(code, version)
                .map(i -> InstrumentViews.InstrumentView.of(i, scoring))
                .orElseThrow(() -> ProblemException.notFound(
                        "Instrument " + code + (version == null ? "" : " version " + version)));
    }

    private boolean readsScoring() {
        return InstrumentPolicy.RULES.allows(InstrumentPolicy.Action.VIEW_SCORING, callerContext.caller());
    }

    @POST
    @Path("{code}/versions")
    @Transactional // the idempotency key is claimed in the publication's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "instrument:publish")
    @Operation(
            operationId = "publishInstrumentVersion",
            summary = "Publish the tenant's own instrument, or its next version (published versions never change)")
    @APIResponse(
            responseCode = "201",
            description = "Published",
            content = @Content(schema = @Schema(implementation = InstrumentViews.InstrumentView.class)))
    public Response publish(
            @PathParam("code") @Size(max = Bounds.CODE) String code,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull InstrumentDefinition definition) {
        return idempotency.once(key, "publish-instrument " + code, definition, () -> {
            Instrument published = instruments.publish(code, definition.toDomain());
            return Response.created(URI.create("/v1/instruments/" + code + "?version=" + published.version()))
                    .entity(InstrumentViews.InstrumentView.of(published, true))
                    .build();
        });
    }
}
