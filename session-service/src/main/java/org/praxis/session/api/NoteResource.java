package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.session.domain.NoteAddendum;
import org.praxis.session.domain.Notes;
import org.praxis.session.domain.SessionNote;

@Path("/v1/engagements/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notes", description = "Private notes (encrypted, signed, addenda) and shared summaries; risk concerns")
public class NoteResource {
    @Inject
    Notes notes;

    @Inject
    IdempotencyKeys idempotency;

    public record WriteNoteRequest(
            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "private|shared")
            String kind,

            UUID sessionId,
            @NotBlank @Size(max = Bounds.TEXT) String body) {}

    public record EditNoteRequest(
            @NotBlank @Size(max = Bounds.TEXT) String body) {}

    public record NoteSummary(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.CODE)
            String kind,

            UUID sessionId,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String author,

            @Schema(required = true) Instant createdAt,
            Instant signedAt) {
        static NoteSummary of(SessionNote n) {
            return new NoteSummary(n.id, n.kind, n.sessionId, n.author, n.createdAt, n.signedAt);
        }
    }

    public record AddendumView(
            @Schema(required = true, minimum = "1", maximum = "" + NoteAddendum.MAX_PER_NOTE)
            int seq,

            @Schema(required = true, maxLength = Bounds.TEXT)
            String body,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String author,

            @Schema(required = true) Instant signedAt) {
        static AddendumView of(NoteAddendum a) {
            return new AddendumView(a.seq, a.body(), a.author, a.signedAt);
        }
    }

    public record NoteView(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.CODE)
            String kind,

            UUID sessionId,

            @Schema(required = true, maxLength = Bounds.TEXT)
            String body,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String author,

            @Schema(required = true) Instant createdAt,
            Instant signedAt,

            @Schema(required = true, minimum = "0", maximum = EngagementViews.COUNT_MAX)
            long version,

            @Schema(required = true, maxItems = NoteAddendum.MAX_PER_NOTE)
            List<AddendumView> addenda) {
        static NoteView of(SessionNote n, List<NoteAddendum> addenda) {
            return new NoteView(
                    n.id,
                    n.kind,
                    n.sessionId,
                    n.body(),
                    n.author,
                    n.createdAt,
                    n.signedAt,
                    n.version,
                    addenda.stream().map(AddendumView::of).toList());
        }
    }

    @POST
    @Path("notes")
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.COACH)
    @Extension(name = AccessMatrix.EXTENSION, value = "note:write")
    @Operation(
            operationId = "writeNote",
            summary = "Write a private note or a shared summary (the engagement's practitioner)")
    @APIResponse(
            responseCode = "201",
            description = "Written; ETag is its version",
            content = @Content(schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "409", description = "The engagement holds as many notes as it may")
    public Response write(
            @PathParam("id") UUID id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull WriteNoteRequest request) {
        return idempotency.once(key, "write-note " + id, request, () -> {
            SessionNote n = notes.write(id, request.kind(), request.sessionId(), request.body());
            return ETags.created(
                    URI.create("/v1/engagements/" + id + "/notes/" + n.id), NoteView.of(n, List.of()), n.version);
        });
    }

    @GET
    @Path("notes")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "note:list")
    @Operation(
            operationId = "listNotes",
            summary = "Notes the caller may see (clients: shared summaries only), without bodies, newest first")
    public Page<NoteSummary> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return notes.list(id, page.request()).map(NoteSummary::of);
    }

    @PUT
    @Path("notes/{noteId}")
    @RolesAllowed(Roles.COACH)
    @Extension(name = AccessMatrix.EXTENSION, value = "note:edit")
    @Operation(operationId = "editNote", summary = "Edit an unsigned note (If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Edited; ETag is its new version",
            content = @Content(schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "409", description = "The note is signed: add an addendum")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response edit(
            @PathParam("id") UUID id,
            @PathParam("noteId") UUID noteId,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull EditNoteRequest request) {
        SessionNote n = notes.edit(id, noteId, request.body(), ifMatch);
        return ETags.ok(NoteView.of(n, List.of()), n.version);
    }

    @POST
    @Path("notes/{noteId}/signature")
    @RolesAllowed(Roles.COACH)
    @Extension(name = AccessMatrix.EXTENSION, value = "note:sign")
    @Operation(operationId = "signNote", summary = "Sign a note; from then on it changes only by addenda")
    @APIResponse(
            responseCode = "200",
            description = "Signed",
            content = @Content(schema = @Schema(implementation = NoteSummary.class)))
    @APIResponse(responseCode = "409", description = "Signed already")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag: read the text you sign again")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public NoteSummary sign(
            @PathParam("id") UUID id, @PathParam("noteId") UUID noteId, @HeaderParam("If-Match") String ifMatch) {
        return NoteSummary.of(notes.sign(id, noteId, ifMatch));
    }

    @POST
    @Path("notes/{noteId}/addenda")
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed(Roles.COACH)
    @Extension(name = AccessMatrix.EXTENSION, value = "note:add-addendum")
    @Operation(operationId = "addAddendum", summary = "Append a signed, timestamped addendum to a signed note")
    @APIResponse(
            responseCode = "201",
            description = "Appended; the note shows it",
            content = @Content(schema = @Schema(implementation = AddendumView.class)))
    @APIResponse(responseCode = "409", description = "The note is not signed, or has as many addenda as a note takes")
    public Response addendum(
            @PathParam("id") UUID id,
            @PathParam("noteId") UUID noteId,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull EditNoteRequest request) {
        return idempotency.once(
                key,
                "add-addendum " + noteId,
                request,
                () -> Response.created(URI.create("/v1/engagements/" + id + "/notes/" + noteId))
                        .entity(AddendumView.of(notes.addendum(id, noteId, request.body())))
                        .build());
    }
}
