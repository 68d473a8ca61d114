package org.praxis.assessment.api;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.domain.Evidence;
import org.praxis.assessment.domain.PractiseRecords;
import org.praxis.assessment.domain.Verifications;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.NotAfterToday;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/** A practitioner's evidence, linked to competences, and its verification. */
@Path("/v1/practitioners/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = PractitionerResource.TAG, description = PractitionerResource.TAG_DESCRIPTION)
public class EvidenceResource {
    @Inject
    PractiseRecords records;

    @Inject
    Verifications verifications;

    @Inject
    IdempotencyKeys idempotency;

    public record AttachmentRequest(
            @NotBlank @Size(max = Bounds.URI) @Pattern(regexp = "https?://.+")
            String url,

            @Size(max = 64) @Pattern(regexp = "[0-9a-f]{64}")
            String sha256) {}

    public record AttachmentView(
            @Schema(required = true, maxLength = Bounds.URI) String url,
            @Schema(maxLength = 64) String sha256) {}

    /** Bounds: at most 12 hours (720 minutes) per entry, on a day that has begun (not in the future anywhere). */
    public record EvidenceRequest(
            @NotBlank @Size(max = Bounds.CODE) String kind,
            @NotNull @NotAfterToday LocalDate occurredOn,
            @Size(max = AssessmentBounds.NOTE) String description,
            @Size(max = Bounds.LIST) List<@NotBlank @Size(max = Bounds.CODE) String> competences,
            @Min(1) @Max(PractiseRecords.MAX_ENTRY_MINUTES) Integer minutes,
            @Size(max = AssessmentBounds.ATTACHMENTS) List<@Valid @NotNull AttachmentRequest> attachments) {}

    /** {@code minutes}: typed in (at most 720) or from a held session (at most 480). */
    public record EvidenceView(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.CODE)
            String kind,

            @Schema(required = true) LocalDate occurredOn,
            @Schema(maxLength = AssessmentBounds.NOTE) String description,

            @Schema(required = true, maxItems = Bounds.LIST) List<@Size(max = Bounds.CODE) String> competences,

            @Schema(minimum = "1", maximum = "" + PractiseRecords.MAX_ENTRY_MINUTES)
            Integer minutes,

            UUID sourceSessionId,

            @Schema(required = true, maxItems = AssessmentBounds.ATTACHMENTS)
            List<AttachmentView> attachments,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String recordedBy,

            @Schema(required = true) Instant recordedAt,
            @Schema(maxLength = Bounds.SUBJECT) String verifiedBy,
            Instant verifiedAt) {
        static EvidenceView of(PractiseRecords.EvidenceWithAttachments w) {
            Evidence e = w.evidence();
            return new EvidenceView(
                    e.id,
                    e.kind,
                    e.occurredOn,
                    e.description(),
                    e.competences,
                    e.minutes,
                    e.sourceSessionId,
                    w.attachments().stream()
                            .map(a -> new AttachmentView(a.url(), a.sha256))
                            .toList(),
                    e.recordedBy,
                    e.recordedAt,
                    e.verifiedBy,
                    e.verifiedAt);
        }
    }

    @POST
    @Path("evidence")
    @Transactional // the idempotency key is claimed in the create's own transaction (IdempotencyKeys)
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "evidence:create")
    @Operation(
            operationId = "addEvidence",
            summary = "Record one's own evidence, linked to competences; attachments by URL and hash")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    public Response addEvidence(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull EvidenceRequest body) {
        return idempotency.once(key, "add-evidence " + id, body, () -> {
            PractiseRecords.EvidenceWithAttachments e = records.addEvidence(
                    id,
                    body.kind(),
                    body.occurredOn(),
                    body.description(),
                    body.competences(),
                    body.minutes(),
                    body.attachments() == null
                            ? List.of()
                            : body.attachments().stream()
                                    .map(a -> new PractiseRecords.Attachment(a.url(), a.sha256()))
                                    .toList());
            return Response.created(URI.create("/v1/practitioners/" + id + "/evidence/" + e.evidence().id))
                    .entity(EvidenceView.of(e))
                    .build();
        });
    }

    @GET
    @Path("evidence")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "evidence:view")
    @Operation(
            operationId = "listEvidence",
            summary = "The practitioner's evidence, newest first (the practitioner or their supervisor)")
    public Page<EvidenceView> evidence(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id,
            @QueryParam("kind") @Size(max = Bounds.CODE) String kind,
            @Parameter(description = "true: only verified entries; false: only those awaiting verification")
                    @QueryParam("verified")
                    Boolean verified,
            @BeanParam PageParams page) {
        return records.evidence(id, page.request(), kind, verified).map(EvidenceView::of);
    }

    @POST
    @Path("evidence/{evidenceId}/verification")
    @RolesAllowed(Roles.SUPERVISOR)
    @Extension(name = AccessMatrix.EXTENSION, value = "evidence:verify")
    @Operation(
            operationId = "verifyEvidence",
            summary =
                    "The practitioner's supervisor verifies evidence: typed-in practice hours count toward eligibility only once verified, which recomputes it; audited")
    @APIResponse(
            responseCode = "200",
            description = "Verified: who and when are recorded",
            content = @Content(schema = @Schema(implementation = EvidenceView.class)))
    @APIResponse(responseCode = "409", description = "Already verified")
    public EvidenceView verifyEvidence(
            @PathParam("id") @Size(max = Bounds.SUBJECT) String id, @PathParam("evidenceId") UUID evidenceId) {
        Evidence e = verifications.verifyEvidence(id, evidenceId);
        return EvidenceView.of(new PractiseRecords.EvidenceWithAttachments(e, records.attachments(e.id)));
    }
}
