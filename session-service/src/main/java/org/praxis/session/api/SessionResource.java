package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.session.domain.CoachingSession;
import org.praxis.session.domain.CoachingSession.GoalReviewed;
import org.praxis.session.domain.Sessions;
import org.praxis.session.domain.SponsorReport;
import org.praxis.session.domain.SponsorReports;

@Path("/v1/engagements/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Sessions of an engagement, and what its sponsor may see")
public class SessionResource {
    @Inject
    Sessions sessions;

    @Inject
    SponsorReports sponsorReports;

    @Inject
    IdempotencyKeys idempotency;

    public static final int MIN_MINUTES = 10;
    public static final int MAX_MINUTES = 480;

    public record ScheduleRequest(
            @NotNull Instant scheduledAt,
            @Min(MIN_MINUTES) @Max(MAX_MINUTES) int durationMinutes,

            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "in-person|video|phone")
            String mode,

            @Size(max = Bounds.CODE) @Pattern(regexp = CoachingSession.MODEL_CODES)
            String model,

            @Schema(description = "A booster session of the follow-up the end review agreed (only in follow-up)")
            Boolean booster) {}

    public record RescheduleRequest(@NotNull Instant scheduledAt) {}

    public record OutcomeRequest(
            @NotBlank @Size(max = Bounds.CODE) String status,
            @Min(0) @Max(10) Integer scaling,
            Boolean previousGoalsReviewed,

            @Size(max = CoachingSession.MAX_GOALS_REVIEWED) List<@NotNull @Valid GoalReviewed> goalsReviewed,

            @Size(max = Bounds.TEXT) String nextPriorities) {}

    @POST
    @Path("sessions")
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "session:schedule")
    @Operation(operationId = "scheduleSession", summary = "Schedule a session in an active engagement")
    @APIResponse(
            responseCode = "201",
            description = "Scheduled",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The engagement is not active (a booster: not in follow-up, or all agreed boosters"
                    + " booked), or holds as many sessions as an engagement may")
    @APIResponse(responseCode = "422", description = "A booster after the follow-up's window")
    public Response schedule(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull ScheduleRequest request) {
        return idempotency.once(key, "schedule-session " + id, request, () -> {
            CoachingSession s = sessions.schedule(
                    id,
                    request.scheduledAt(),
                    request.durationMinutes(),
                    request.mode(),
                    request.model(),
                    Boolean.TRUE.equals(request.booster()));
            return Response.created(URI.create("/v1/engagements/" + id + "/sessions/" + s.id))
                    .entity(SessionView.of(s))
                    .build();
        });
    }

    @GET
    @Path("sessions")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "session:list")
    @Operation(
            operationId = "listSessions",
            summary =
                    "The engagement's sessions, latest first; its client lists them too (dates, mode, status; never notes)")
    public Page<SessionView> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return sessions.ofEngagement(id, page.request()).map(SessionView::of);
    }

    @POST
    @Path("sessions/{sessionId}/reschedule")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "session:reschedule")
    @Operation(operationId = "rescheduleSession", summary = "Move a scheduled session")
    @APIResponse(
            responseCode = "200",
            description = "Moved",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The session is no longer scheduled, or the engagement no longer takes it (closed; in"
                    + " follow-up, only boosters)")
    public SessionView reschedule(
            @PathParam("id") UUID id,
            @PathParam("sessionId") UUID sessionId,
            @Valid @NotNull RescheduleRequest request) {
        return SessionView.of(sessions.reschedule(id, sessionId, request.scheduledAt()));
    }

    @POST
    @Path("sessions/{sessionId}/cancellation")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "session:cancel")
    @Operation(
            operationId = "cancelSession",
            summary = "Cancel a scheduled session (late within 24 hours of its start)")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The session is no longer scheduled, or (for its client) it has started")
    public SessionView cancel(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId) {
        return SessionView.of(sessions.cancel(id, sessionId));
    }

    @POST
    @Path("sessions/{sessionId}/outcome")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "session:record-outcome")
    @Operation(
            operationId = "recordSessionOutcome",
            summary = "Record a session as held (with the client's 0-10 scaling) or no-show, once it has started; held"
                    + " publishes session.completed")
    @APIResponse(
            responseCode = "200",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already recorded, not started yet, the prepaid package is used up, or a booster beyond"
                    + " the agreed count or after its window")
    public SessionView outcome(
            @PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId, @Valid @NotNull OutcomeRequest request) {
        return SessionView.of(sessions.record(
                id,
                sessionId,
                new Sessions.Outcome(
                        request.status(),
                        request.scaling(),
                        request.previousGoalsReviewed(),
                        request.goalsReviewed(),
                        request.nextPriorities())));
    }

    @GET
    @Path("sponsor-report")
    @RolesAllowed({Roles.SPONSOR, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "sponsor-report:view")
    @Operation(
            operationId = "getSponsorReport",
            summary =
                    "What the sponsor may see under the contract in force, nothing beyond its disclosure terms; to the sponsor it names and, as a preview, a supervisor of the practitioner (audited)")
    public SponsorReport sponsorReport(@PathParam("id") UUID id) {
        return sponsorReports.of(id);
    }
}
