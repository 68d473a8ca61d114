package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.session.domain.SessionFeedback;
import org.praxis.session.domain.SessionFeedbacks;

/** The client's feedback form on a held session of their engagement (issue 22): given once, read by them alone. */
@Path("/v1/engagements/{id}/sessions/{sessionId}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback", description = "The client's feedback on the coach, and the practitioner's trends")
public class FeedbackResource {
    @Inject
    SessionFeedbacks feedback;

    @Inject
    IdempotencyKeys idempotency;

    public record FeedbackRequest(
            @Schema(description = "I felt heard") @NotNull @Min(0) @Max(10)
            Integer feltHeard,

            @Schema(description = "We worked on what mattered to me") @NotNull @Min(0) @Max(10)
            Integer workedOnWhatMattered,

            @Schema(description = "The way we worked suited me") @NotNull @Min(0) @Max(10)
            Integer approachFitted,

            @Schema(description = "Overall, this session was worth it") @NotNull @Min(0) @Max(10)
            Integer overall,

            @Size(max = SessionFeedback.COMMENT_MAX) String comment) {}

    public record FeedbackView(
            @Schema(required = true) UUID sessionId,

            @Schema(required = true, minimum = "0", maximum = "10")
            int feltHeard,

            @Schema(required = true, minimum = "0", maximum = "10")
            int workedOnWhatMattered,

            @Schema(required = true, minimum = "0", maximum = "10")
            int approachFitted,

            @Schema(required = true, minimum = "0", maximum = "10")
            int overall,

            @Schema(maxLength = SessionFeedback.COMMENT_MAX) String comment,
            @Schema(required = true) Instant answeredAt) {
        static FeedbackView of(SessionFeedback f) {
            return new FeedbackView(
                    f.sessionId,
                    f.feltHeard,
                    f.workedOnWhatMattered,
                    f.approachFitted,
                    f.overall,
                    f.comment(),
                    f.answeredAt);
        }
    }

    @POST
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "session-feedback:give")
    @Operation(
            operationId = "giveSessionFeedback",
            summary = "The client's feedback on a held session of their engagement, once (0-10 items, a comment)")
    @APIResponse(
            responseCode = "201",
            description = "Given; the practitioner sees it only in their monthly trends",
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "409", description = "The session was not held, or the feedback is given already")
    public Response give(
            @PathParam("id") UUID id,
            @PathParam("sessionId") UUID sessionId,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull FeedbackRequest request) {
        return idempotency.once(
                key,
                "give-feedback " + sessionId,
                request,
                () -> Response.created(URI.create("/v1/engagements/" + id + "/sessions/" + sessionId + "/feedback"))
                        .entity(FeedbackView.of(feedback.give(
                                id,
                                sessionId,
                                new SessionFeedbacks.Answer(
                                        request.feltHeard(),
                                        request.workedOnWhatMattered(),
                                        request.approachFitted(),
                                        request.overall(),
                                        request.comment()))))
                        .build());
    }

    @GET
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "session-feedback:view")
    @Operation(operationId = "getSessionFeedback", summary = "The client's own feedback on the session")
    @APIResponse(
            responseCode = "200",
            description = "The answer",
            content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "404", description = "No feedback given, or not the caller's session")
    public FeedbackView get(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId) {
        return FeedbackView.of(feedback.own(id, sessionId));
    }
}
