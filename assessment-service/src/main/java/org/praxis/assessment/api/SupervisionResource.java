package org.praxis.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.domain.SupervisionSession;
import org.praxis.assessment.domain.SupervisionSessions;
import org.praxis.assessment.domain.Verifications;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.CalendarDates;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.NotAfterToday;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.platform.web.PageRequest;

/** Supervision sessions of a supervisee and their verification. */
@Path("/v1/practitioners/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = PractitionerResource.TAG, description = PractitionerResource.TAG_DESCRIPTION)
public class SupervisionResource {
    @Inject
    SupervisionSessions sessions;

    @Inject
    Verifications verifications;

    @Inject
    IdempotencyKeys idempotency;

    /** Bounds: at most 8 hours (480 minutes) per session, held on a day that has begun (not in the future anywhere). */
    public record SupervisionRequest(
            @NotNull @NotAfterToday LocalDate heldOn,

            @NotNull @Min(1) @Max(SupervisionSessions.MAX_SUPERVISION_MINUTES)
            Integer durationMinutes,

            @Size(max = Bounds.LIST) List<@NotBlank @Size(max = Bounds.CODE) String> competences,
            @Size(max = AssessmentBounds.NOTE) String notes) {}

    public record SupervisionView(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String superviseeId,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String supervisorId,

            @Schema(required = true) LocalDate heldOn,

            @Schema(required = true, minimum = "1", maximum = "" + SupervisionSessions.MAX_SUPERVISION_MINUTES)
            int durationMinutes,

            @Schema(required = true, maxItems = Bounds.LIST) List<@Size(max = Bounds.CODE) String> competences,

            @Schema(maxLength = AssessmentBounds.NOTE) String notes,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String recordedBy,

            @Schema(maxLength = Bounds.SUBJECT) String verifiedBy,
            Instant verifiedAt) {
        static SupervisionView of(SupervisionSession s) {
            return new SupervisionView(
                    s.id,
                    s.superviseeId,
                    s.supervisorId,
                    s.heldOn,
                    s.durationMinutes,
                    s.competences,
                    s.notes(),
                    s.recordedBy,
                    s.verifiedBy,
                    s.verifiedAt);
        }
    }

    /**
     * One page of supervision sessions ({@code items}, {@code nextCursor} as every list) and the minutes of
     * every session in the period, on every page; {@code verifiedMinutes}: the part that counts toward eligibility.
     */
    public record SupervisionLog(
            @Schema(required = true, maxItems = PageRequest.MAX_LIMIT)
            List<SupervisionView> items,

            @Schema(maxLength = Bounds.CURSOR) String nextCursor,

            @Schema(required = true, minimum = "0", maximum = AssessmentBounds.COUNT_MAX)
            long totalMinutes,

            @Schema(required = true) double totalHours,

            @Schema(required = true, minimum = "0", maximum = AssessmentBounds.COUNT_MAX)
            long verifiedMinutes) {}

    @POST
    @Path("supervision-sessions")
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "supervision-record:record")
    @Operation(
            operationId = "recordSupervision",
            summary = "Record a supervision session (the supervisee or their supervisor)")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; eligibility is recomputed",
            content = @Content(schema = @Schema(implementation = SupervisionView.class)))
    public Response recordSupervision(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull SupervisionRequest body) {
        return idempotency.once(key, "record-supervision " + id, body, () -> {
            SupervisionSession s = sessions.recordSupervision(
                    id, body.heldOn(), body.durationMinutes(), body.competences(), body.notes());
            return Response.created(URI.create("/v1/practitioners/" + id + "/supervision-sessions/" + s.id))
                    .entity(SupervisionView.of(s))
                    .build();
        });
    }

    @GET
    @Path("supervision-sessions")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "supervision-record:view")
    @Operation(
            operationId = "listSupervision",
            summary =
                    "Supervision sessions, newest recorded first, optionally in a period (from, to inclusive), with the minutes of every session in it on each page")
    public SupervisionLog supervision(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @BeanParam PageParams page) {
        CalendarDates.requireWithinCalendar("from", from);
        CalendarDates.requireWithinCalendar("to", to);
        SupervisionSessions.SupervisionPage t = sessions.supervision(id, from, to, page.request());
        Page<SupervisionView> rows = t.sessions().map(SupervisionView::of);
        return new SupervisionLog(
                rows.items(), rows.nextCursor(), t.totalMinutes(), t.totalHours(), t.verifiedMinutes());
    }

    @POST
    @Path("supervision-sessions/{sessionId}/verification")
    @RolesAllowed(Roles.SUPERVISOR)
    @Extension(name = AccessMatrix.EXTENSION, value = "supervision-record:verify")
    @Operation(
            operationId = "verifySupervision",
            summary =
                    "The supervisee's supervisor verifies a session the supervisee recorded: only verified sessions count toward eligibility, which is recomputed; audited")
    @APIResponse(responseCode = "200", description = "Verified: who and when are recorded")
    @APIResponse(responseCode = "409", description = "Already verified")
    public SupervisionView verifySupervision(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id, @PathParam("sessionId") UUID sessionId) {
        return SupervisionView.of(verifications.verifySupervision(id, sessionId));
    }
}
