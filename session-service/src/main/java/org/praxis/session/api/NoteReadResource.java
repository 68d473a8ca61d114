package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.praxis.session.api.NoteResource.NoteView;
import org.praxis.session.domain.Notes;

/**
 * Reading a note: as its practitioner or client does, and with a reason, as a supervisor reads a coach's private
 * note. The reason travels in the body: in the URL it would land in every proxy's and ingress's access log, in plain
 * text, beside the note's id.
 */
@Path("/v1/engagements/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notes", description = "Private notes (encrypted, signed, addenda) and shared summaries; risk concerns")
public class NoteReadResource {
    @Inject
    Notes notes;

    public record NoteReadRequest(
            @NotBlank @Size(max = Bounds.REASON) String reason) {}

    @GET
    @Path("notes/{noteId}")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "note:view")
    @Operation(
            operationId = "readNote",
            summary = "Read a note with its addenda; every read is audited; a supervisor reads a private one with a"
                    + " reason, by POST .../reads")
    @APIResponse(
            responseCode = "200",
            description = "The note with its addenda; ETag is its version",
            content = @Content(schema = @Schema(implementation = NoteView.class)))
    public Response readNote(@PathParam("id") UUID id, @PathParam("noteId") UUID noteId) {
        return ok(notes.read(id, noteId, null));
    }

    /** A read note as both reads answer it: the note with its addenda, its version as the ETag. */
    static Response ok(Notes.Read r) {
        return ETags.ok(NoteView.of(r.note(), r.addenda()), r.note().version);
    }

    @POST
    @Path("notes/{noteId}/reads")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "note:view")
    @Operation(
            operationId = "readNoteWithReason",
            summary =
                    "Read a note giving a reason: how a supervisor reads a private note (the read is audited with it)")
    @APIResponse(
            responseCode = "200",
            description = "The note with its addenda; ETag is its version",
            content = @Content(schema = @Schema(implementation = NoteView.class)))
    public Response read(
            @PathParam("id") UUID id, @PathParam("noteId") UUID noteId, @Valid @NotNull NoteReadRequest request) {
        return ok(notes.read(id, noteId, request.reason()));
    }
}
