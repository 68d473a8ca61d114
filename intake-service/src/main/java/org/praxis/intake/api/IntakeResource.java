package org.praxis.intake.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.api.IntakeViews.AssignmentView;
import org.praxis.intake.api.IntakeViews.CoachAssignmentRequest;
import org.praxis.intake.api.IntakeViews.TriageCard;
import org.praxis.intake.api.IntakeViews.CreateAssignmentRequest;
import org.praxis.intake.api.IntakeViews.CreateIntakeRequest;
import org.praxis.intake.api.IntakeViews.DecisionRequest;
import org.praxis.intake.api.IntakeViews.DecisionView;
import org.praxis.intake.api.IntakeViews.IntakeDetail;
import org.praxis.intake.api.IntakeViews.IntakeSummary;
import org.praxis.intake.api.IntakeViews.RaiseRiskFlagRequest;
import org.praxis.intake.api.IntakeViews.RecommendationView;
import org.praxis.intake.api.IntakeViews.RiskFlagView;
import org.praxis.intake.api.IntakeViews.ScreeningView;
import org.praxis.intake.api.IntakeViews.ScreeningWithAnswers;
import org.praxis.intake.api.IntakeViews.SubmitScreeningRequest;
import org.praxis.intake.domain.Decisions;
import org.praxis.intake.domain.Intake;
import org.praxis.intake.domain.Intakes;
import org.praxis.intake.domain.RiskFlag;
import org.praxis.intake.domain.RiskFlags;
import org.praxis.intake.domain.Screening;
import org.praxis.intake.domain.Screenings;
import org.praxis.intake.domain.Triage;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

@Path("/v1/intakes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Intakes", description = "A person's request for coaching, its screenings and the pathway decision")
public class IntakeResource {
    @Inject
    Intakes intakes;
    @Inject
    Screenings screenings;
    @Inject
    RiskFlags riskFlags;
    @Inject
    Decisions decisions;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    ObjectMapper json;

    @POST
    @Transactional
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:open")
    @Operation(operationId = "openIntake", summary = "Open an intake (a client may open one for themselves)")
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = IntakeDetail.class)))
    public Response open(@HeaderParam(IdempotencyKeys.HEADER) String key,
                         @RequestBody(content = @Content(examples = @ExampleObject(name = "coach opens for a client",
                                 value = "{\"clientSubject\": \"8c1f6c3e-3b7a-4c55-9d0e-5d1f0a2b7e11\", \"displayName\": \"Alex\","
                                         + " \"presentingConcerns\": \"Stress at work since a reorganisation\","
                                         + " \"hopedForOutcomes\": \"A calmer way of leading the team\","
                                         + " \"sponsorOrganisation\": \"acme-hr\"}")))
                         @Valid @NotNull CreateIntakeRequest request) {
        return idempotency.once(key, "open-intake", request, () -> {
            Intake intake = intakes.open(new Intakes.NewIntake(request.clientSubject(), request.displayName(),
                    request.presentingConcerns(), request.hopedForOutcomes(), request.sponsorOrganisation(),
                    request.assignedCoach()));
            return Response.created(URI.create("/v1/intakes/" + intake.id)).entity(IntakeDetail.of(intake)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:view")
    @Operation(operationId = "listIntakes", summary = "List the intakes the caller may see, newest first: a client their own, a coach those assigned to them, supervisors all")
    public Page<IntakeSummary> list(@QueryParam("status") @Size(max = Bounds.CODE) String status,
                                    @QueryParam("assignedCoach") @Size(max = Bounds.SUBJECT) String assignedCoach,
                                    @BeanParam PageParams page) {
        return intakes.list(page.request(), status, assignedCoach).map(IntakeSummary::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:view")
    @Operation(operationId = "getIntake", summary = "Read an intake with its presenting concerns: its client, its assigned coach, supervisors (audited)")
    @APIResponse(responseCode = "200", description = "The intake; ETag is its version",
            content = @Content(schema = @Schema(implementation = IntakeDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the If-None-Match ETag")
    public Response get(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Intake intake = intakes.readWithDetails(id);
        if (ETags.matchesNoneMatch(ifNoneMatch, intake.version)) {
            return Response.notModified(ETags.of(intake.version)).build();
        }
        return Response.ok(IntakeDetail.of(intake)).tag(ETags.of(intake.version)).build();
    }

    @GET
    @Path("triage-queue")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:view-triage-card")
    @Operation(operationId = "listTriageQueue", summary = "Intakes waiting for a coach, as triage cards (no names, concerns or answers):"
            + " every supervisor; coaches only where the tenant lets them claim")
    public Page<TriageCard> triageQueue(@BeanParam PageParams page) {
        return intakes.triageQueue(page.request()).map(i -> {
            Triage.Recommendation r = decisions.recommendationIfScreened(i.id);
            return new TriageCard(i.id, i.status, i.createdAt, !riskFlags.openCodes(i.id).isEmpty(),
                    r == null ? null : r.pathway());
        });
    }

    @POST
    @Path("{id}/coach-assignment")
    @Transactional
    @RolesAllowed(Roles.SUPERVISOR)
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:assign-coach")
    @Operation(operationId = "assignCoach", summary = "Assign (or reassign) the intake's coach (supervisors; If-Match optional; audited)")
    @APIResponse(responseCode = "200", description = "Assigned; ETag is the intake's new version",
            content = @Content(schema = @Schema(implementation = IntakeDetail.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response assignCoach(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                @Valid @NotNull CoachAssignmentRequest request) {
        Intake intake = intakes.assignCoach(id, request.coach(), ifMatch);
        return Response.ok(IntakeDetail.of(intake)).tag(ETags.of(intake.version)).build();
    }

    @POST
    @Path("{id}/claim")
    @Transactional
    @RolesAllowed(Roles.COACH)
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:claim")
    @Operation(operationId = "claimIntake", summary = "Claim an intake waiting for a coach, where the tenant's triage policy allows it (audited)")
    @APIResponse(responseCode = "200", description = "Claimed: the intake is assigned to the caller",
            content = @Content(schema = @Schema(implementation = IntakeDetail.class)))
    public Response claim(@PathParam("id") UUID id) {
        Intake intake = intakes.claim(id);
        return Response.ok(IntakeDetail.of(intake)).tag(ETags.of(intake.version)).build();
    }

    @POST
    @Path("{id}/assignments")
    @Transactional
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:send-instrument")
    @Operation(operationId = "assignInstrument", summary = "Send an instrument to the client, with a due date")
    @APIResponse(responseCode = "201", description = "Assigned",
            content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    public Response assign(@PathParam("id") UUID id, @HeaderParam(IdempotencyKeys.HEADER) String key,
                           @Valid @NotNull CreateAssignmentRequest request) {
        return idempotency.once(key, "assign-instrument " + id, request, () -> {
            AssignmentView view = AssignmentView.of(intakes.assign(id, request.instrument(), request.dueDate()));
            return Response.created(URI.create("/v1/me/assignments")).entity(view).build();
        });
    }

    @POST
    @Path("{id}/screenings")
    @Transactional
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:submit-screening")
    @Operation(operationId = "submitScreening", summary = "Submit answers; the server scores them and raises risk flags")
    @APIResponse(responseCode = "201", description = "Scored",
            content = @Content(schema = @Schema(implementation = ScreeningView.class)))
    public Response submit(@PathParam("id") UUID id, @HeaderParam(IdempotencyKeys.HEADER) String key,
                           @RequestBody(content = @Content(examples = {
                                   @ExampleObject(name = "PHQ-9", value = "{\"instrument\": \"PHQ-9\", \"answers\": {\"1\": 1,"
                                           + " \"2\": 1, \"3\": 2, \"4\": 2, \"5\": 1, \"6\": 1, \"7\": 1, \"8\": 1, \"9\": 0, \"10\": 1}}"),
                                   @ExampleObject(name = "WHO-5", value = "{\"instrument\": \"WHO-5\", \"answers\": {\"1\": 3,"
                                           + " \"2\": 3, \"3\": 3, \"4\": 2, \"5\": 2}}")}))
                           @Valid @NotNull SubmitScreeningRequest request) {
        return idempotency.once(key, "submit-screening " + id, request, () -> {
            Screenings.Submitted done = screenings.submit(id, request.instrument(), request.answers());
            return Response.created(URI.create("/v1/intakes/" + id + "/screenings/" + done.screening().id))
                    .entity(ScreeningView.of(done.screening(), done.flags())).build();
        });
    }

    @GET
    @Path("{id}/screenings")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "screening:view-score")
    @Operation(operationId = "listScreenings", summary = "Scores of an intake, newest first (no answers)")
    public Page<ScreeningView> screenings(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return screenings.ofIntake(id, page.request()).map(s -> ScreeningView.of(s, List.of()));
    }

    @GET
    @Path("{id}/screenings/{screeningId}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "screening:view-answers")
    @Operation(operationId = "getScreeningAnswers", summary = "A screening with its answers (the intake's assigned coach, supervisors; audited)")
    public ScreeningWithAnswers screening(@PathParam("id") UUID id, @PathParam("screeningId") UUID screeningId) {
        Screening s = screenings.withAnswers(id, screeningId);
        try {
            return new ScreeningWithAnswers(s.id, s.instrumentCode, s.total, s.severity,
                    json.readValue(s.answers(), new TypeReference<>() { }), s.submittedBy, s.scoredAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers unreadable", e);
        }
    }

    @GET
    @Path("{id}/recommendation")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:view-recommendation")
    @Operation(operationId = "getRecommendation", summary = "The triage recommendation and every rule that fired")
    public RecommendationView recommendation(@PathParam("id") UUID id) {
        return RecommendationView.of(decisions.recommend(id));
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:decide")
    @Operation(operationId = "decidePathway", summary = "Decide the pathway; differing from the recommendation needs a reason")
    @APIResponse(responseCode = "201", description = "Decided; intake.decided is published",
            content = @Content(schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "409", description = "Already decided")
    public Response decide(@PathParam("id") UUID id,
                           @RequestBody(content = @Content(examples = @ExampleObject(name = "differs from the recommendation",
                                   value = "{\"pathway\": \"therapy\", \"practitionerId\": \"coach-7\","
                                           + " \"reason\": \"Client asked for a therapist first\"}")))
                           @Valid @NotNull DecisionRequest request) {
        DecisionView view = DecisionView.of(decisions.decide(id, request.pathway(), request.practitionerId(), request.reason()));
        return Response.created(URI.create("/v1/intakes/" + id + "/decision")).entity(view).build();
    }

    @POST
    @Path("{id}/risk-flags")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "intake:raise-risk-flag")
    @Operation(operationId = "raiseRiskFlag", summary = "Raise a risk flag by hand; risk-flag.raised is published")
    @APIResponse(responseCode = "201", description = "Raised",
            content = @Content(schema = @Schema(implementation = RiskFlagView.class)))
    public Response raise(@PathParam("id") UUID id, @Valid @NotNull RaiseRiskFlagRequest request) {
        RiskFlag flag = riskFlags.raiseByHand(id, request.code(), request.level(), request.note());
        return Response.created(URI.create("/v1/risk-flags/" + flag.id)).entity(RiskFlagView.of(flag, null))
                .tag(ETags.of(flag.version)).build();
    }
}
