package org.praxis.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.api.IntakeViews.AssignmentView;
import org.praxis.intake.api.ScreeningViews.ScreeningView;
import org.praxis.intake.api.ScreeningViews.ScreeningWithAnswers;
import org.praxis.intake.domain.ClientWordings;
import org.praxis.intake.domain.Intakes;
import org.praxis.intake.domain.RiskFlag;
import org.praxis.intake.domain.RiskFlags;
import org.praxis.intake.domain.Screening;
import org.praxis.intake.domain.Screenings;
import org.praxis.intake.domain.Wording;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/** An intake's instruments sent to the client and the screenings that come back, scored by the server. */
@Path("/v1/intakes/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = IntakeResource.TAG, description = IntakeResource.TAG_DESCRIPTION)
public class ScreeningResource {
    @Inject
    Intakes intakes;

    @Inject
    Screenings screenings;

    @Inject
    RiskFlags riskFlags;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    ClientWordings wordings;

    /** The longest Accept-Language header read; the client's wording is in the first language it names that has one. */
    static final int MAX_ACCEPT_LANGUAGE = Bounds.NAME;

    static final String LANGUAGE = "The languages the client reads, best first (RFC 9110, e.g. de-CH, de;q=0.8): the"
            + " wording is in the first that has a text, else English; a malformed header reads English";

    public record CreateAssignmentRequest(
            @NotBlank @Size(max = Bounds.CODE) String instrument, LocalDate dueDate) {}

    // The example lives on the schema: generators ignore a request body's own example, with a warning.
    @Schema(
            examples = {
                "{\"instrument\": \"PHQ-9\", \"answers\": {\"1\": 1,"
                        + " \"2\": 1, \"3\": 2, \"4\": 2, \"5\": 1, \"6\": 1, \"7\": 1, \"8\": 1, \"9\": 0, \"10\": 1}}",
                "{\"instrument\": \"WHO-5\", \"answers\": {\"1\": 3," + " \"2\": 3, \"3\": 3, \"4\": 2, \"5\": 2}}"
            })
    public record SubmitScreeningRequest(
            @NotBlank @Size(max = Bounds.CODE) String instrument,

            @NotNull
            @NotEmpty
            @Size(max = Bounds.ANSWERS)
            @ItemAnswers
            @Schema(propertyNames = ItemAnswers.ItemId.class, additionalProperties = ItemAnswers.Answer.class)
            Map<String, Integer> answers) {}

    @POST
    @Path("assignments")
    @Transactional // the idempotency key is claimed in the assignment's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:send-instrument")
    @Operation(operationId = "assignInstrument", summary = "Send an instrument to the client, with a due date")
    @APIResponse(
            responseCode = "201",
            description = "Assigned",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    public Response assign(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull CreateAssignmentRequest request) {
        return idempotency.once(key, "assign-instrument " + id, request, () -> {
            AssignmentView view = AssignmentView.of(intakes.assign(id, request.instrument(), request.dueDate()));
            return Response.created(URI.create("/v1/me/assignments"))
                    .entity(view)
                    .build();
        });
    }

    @POST
    @Path("screenings")
    @Transactional // the idempotency key is claimed in the submission's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:submit-screening")
    @Operation(
            operationId = "submitScreening",
            summary = "Submit answers; the server scores them and raises risk flags. A client reads the score's"
                    + " wording in the language Accept-Language asks for (English where the tenant has none),"
                    + " never the band or flag codes")
    @APIResponse(
            responseCode = "201",
            description = "Scored",
            content = @Content(schema = @Schema(implementation = ScreeningView.class)))
    public Response submit(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                    @Size(max = MAX_ACCEPT_LANGUAGE)
                    @Parameter(description = LANGUAGE)
                    String acceptLanguage,
            @Valid @NotNull SubmitScreeningRequest request) {
        return idempotency.once(key, "submit-screening " + id, request, () -> {
            Screenings.Submitted done = screenings.submit(id, request.instrument(), request.answers());
            Screening s = done.screening();
            return Response.created(URI.create("/v1/intakes/" + id + "/screenings/" + s.id))
                    .entity(ScreeningView.of(
                            s, done.flags(), wordings.forClient(acceptLanguage), screenings.showsCodes(s)))
                    .build();
        });
    }

    @GET
    @Path("screenings")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "screening:view-score")
    @Operation(
            operationId = "listScreenings",
            summary = "Scores of an intake, newest first (no answers), each with its wording in the language"
                    + " Accept-Language asks for; band codes and the risk flags each raised where"
                    + " the caller may see risk flags (audited then)")
    public Page<ScreeningView> screenings(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                    @Size(max = MAX_ACCEPT_LANGUAGE)
                    @Parameter(description = LANGUAGE)
                    String acceptLanguage,
            @BeanParam PageParams page) {
        Page<Screening> scores = screenings.ofIntake(id, page.request());
        Optional<Map<UUID, List<RiskFlag>>> flags = riskFlags.ofScreenings(
                id, scores.items().stream().map(s -> s.id).toList());
        Wording wording = wordings.forClient(acceptLanguage);
        Predicate<Screening> showsCodes = screenings.showsCodesOfIntake(id);
        return scores.map(s -> ScreeningView.of(
                s, flags.map(f -> f.getOrDefault(s.id, List.of())).orElse(null), wording, showsCodes.test(s)));
    }

    @GET
    @Path("screenings/{screeningId}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "screening:view-answers")
    @Operation(
            operationId = "getScreeningAnswers",
            summary = "A screening with its answers (the intake's assigned coach, their supervisor; audited)")
    public ScreeningWithAnswers screening(@PathParam("id") UUID id, @PathParam("screeningId") UUID screeningId) {
        Screening s = screenings.withAnswers(id, screeningId);
        return ScreeningWithAnswers.of(s, screenings.answersOf(s));
    }
}
