package org.praxis.assessment.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.api.AssessmentResource.AssessmentSummary;
import org.praxis.assessment.api.AssessmentResource.RatingView;
import org.praxis.assessment.domain.Assessment;
import org.praxis.assessment.domain.Assessments;
import org.praxis.assessment.domain.CaseDocuments;
import org.praxis.assessment.domain.CompetenceFramework;
import org.praxis.assessment.domain.CompetenceProfile;
import org.praxis.assessment.domain.DevelopmentAction;
import org.praxis.assessment.domain.Eligibility;
import org.praxis.assessment.domain.EligibilityRules;
import org.praxis.assessment.domain.Evidence;
import org.praxis.assessment.domain.Frameworks;
import org.praxis.assessment.domain.Practitioner;
import org.praxis.assessment.domain.Practitioners;
import org.praxis.assessment.domain.PractiseRecords;
import org.praxis.assessment.domain.Registration;
import org.praxis.assessment.domain.Settings;
import org.praxis.assessment.domain.SupervisionSession;
import org.praxis.assessment.domain.Verifications;
import org.praxis.assessment.domain.access.PractitionerPolicy;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

@Path("/v1/practitioners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Practitioners", description = "Profiles, registrations, evidence, supervision, the competence profile and eligibility. {id} is the practitioner's OIDC subject.")
public class PractitionerResource {
    @Inject
    Practitioners practitioners;
    @Inject
    PractiseRecords records;
    @Inject
    Assessments assessments;
    @Inject
    Eligibility eligibility;
    @Inject
    Settings settings;
    @Inject
    Frameworks frameworks;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    Verifications verifications;

    public record ProfileBody(@Size(max = Bounds.SUBJECT) String subject, @NotBlank @Size(max = Bounds.NAME) String displayName,
                              @Size(max = Practitioners.MAX_ROLES)
                              List<@NotNull @Size(max = Bounds.CODE) @Pattern(regexp = "coach|therapist|supervisor|assessor") String> roles) {
    }

    public record SupervisorBody(@Size(max = Bounds.SUBJECT) String supervisorId) {
    }

    public record RegistrationView(UUID id, @Schema(maxLength = Bounds.CODE) String kind, @Schema(maxLength = Bounds.NAME) String body,
                                   @Schema(maxLength = AssessmentBounds.REGISTRATION_NUMBER) String number, LocalDate expiresOn,
                                   boolean current, @Schema(maxLength = Bounds.SUBJECT) String verifiedBy, Instant verifiedAt,
                                   @Schema(minimum = "0", maximum = AssessmentBounds.COUNT_MAX) long version) {
        static RegistrationView of(Registration r) {
            return new RegistrationView(r.id, r.kind, r.body, r.number(), r.expiresOn, r.isCurrentOn(Eligibility.today()),
                    r.verifiedBy, r.verifiedAt, r.version);
        }
    }

    public record PractitionerView(@Schema(maxLength = Bounds.SUBJECT) String id, @Schema(maxLength = Bounds.NAME) String displayName,
                                   @Schema(maxItems = Practitioners.MAX_ROLES) List<@Size(max = Bounds.CODE) String> roles,
                                   @Schema(maxLength = Bounds.SUBJECT) String supervisorId,
                                   @Schema(maxItems = Practitioners.MAX_REGISTRATIONS) List<RegistrationView> registrations,
                                   Instant createdAt, @Schema(minimum = "0", maximum = AssessmentBounds.COUNT_MAX) long version) {
    }

    public record RegistrationBody(@NotBlank @Size(max = Bounds.CODE) String kind, @NotBlank @Size(max = Bounds.NAME) String body,
                                   @NotBlank @Size(max = AssessmentBounds.REGISTRATION_NUMBER) String number,
                                   @NotNull LocalDate expiresOn) {
    }

    public record AttachmentBody(@NotBlank @Size(max = Bounds.URI) @Pattern(regexp = "https?://.+") String url,
                                 @Size(max = 64) @Pattern(regexp = "[0-9a-f]{64}") String sha256) {
    }

    public record AttachmentView(@Schema(maxLength = Bounds.URI) String url, @Schema(maxLength = 64) String sha256) {
    }

    /** Bounds: at most 12 hours (720 minutes) per entry, on a day that has begun (not in the future anywhere). */
    public record EvidenceBody(@NotBlank @Size(max = Bounds.CODE) String kind, @NotNull @NotAfterToday LocalDate occurredOn,
                               @Size(max = AssessmentBounds.NOTE) String description,
                               @Size(max = Bounds.LIST) List<@NotBlank @Size(max = Bounds.CODE) String> competences,
                               @Min(1) @Max(PractiseRecords.MAX_ENTRY_MINUTES) Integer minutes,
                               @Size(max = AssessmentBounds.ATTACHMENTS) List<@Valid @NotNull AttachmentBody> attachments) {
    }

    /** {@code minutes}: typed in (at most 720) or from a held session (at most 480). */
    public record EvidenceView(UUID id, @Schema(maxLength = Bounds.CODE) String kind, LocalDate occurredOn,
                               @Schema(maxLength = AssessmentBounds.NOTE) String description,
                               @Schema(maxItems = Bounds.LIST) List<@Size(max = Bounds.CODE) String> competences,
                               @Schema(minimum = "1", maximum = "" + PractiseRecords.MAX_ENTRY_MINUTES) Integer minutes,
                               UUID sourceSessionId, @Schema(maxItems = AssessmentBounds.ATTACHMENTS) List<AttachmentView> attachments,
                               @Schema(maxLength = Bounds.SUBJECT) String recordedBy, Instant recordedAt,
                               @Schema(maxLength = Bounds.SUBJECT) String verifiedBy, Instant verifiedAt) {
        static EvidenceView of(PractiseRecords.EvidenceWithAttachments w) {
            Evidence e = w.evidence();
            return new EvidenceView(e.id, e.kind, e.occurredOn, e.description(), e.competences, e.minutes, e.sourceSessionId,
                    w.attachments().stream().map(a -> new AttachmentView(a.url, a.sha256)).toList(),
                    e.recordedBy, e.recordedAt, e.verifiedBy, e.verifiedAt);
        }
    }

    /** Bounds: at most 8 hours (480 minutes) per session, held on a day that has begun (not in the future anywhere). */
    public record SupervisionBody(@NotNull @NotAfterToday LocalDate heldOn,
                                  @NotNull @Min(1) @Max(PractiseRecords.MAX_SUPERVISION_MINUTES) Integer durationMinutes,
                                  @Size(max = Bounds.LIST) List<@NotBlank @Size(max = Bounds.CODE) String> competences,
                                  @Size(max = AssessmentBounds.NOTE) String notes) {
    }

    public record SupervisionView(UUID id, @Schema(maxLength = Bounds.SUBJECT) String superviseeId,
                                  @Schema(maxLength = Bounds.SUBJECT) String supervisorId, LocalDate heldOn,
                                  @Schema(minimum = "1", maximum = "" + PractiseRecords.MAX_SUPERVISION_MINUTES) int durationMinutes,
                                  @Schema(maxItems = Bounds.LIST) List<@Size(max = Bounds.CODE) String> competences,
                                  @Schema(maxLength = AssessmentBounds.NOTE) String notes,
                                  @Schema(maxLength = Bounds.SUBJECT) String recordedBy,
                                  @Schema(maxLength = Bounds.SUBJECT) String verifiedBy, Instant verifiedAt) {
        static SupervisionView of(SupervisionSession s) {
            return new SupervisionView(s.id, s.superviseeId, s.supervisorId, s.heldOn, s.durationMinutes, s.competences, s.notes(),
                    s.recordedBy, s.verifiedBy, s.verifiedAt);
        }
    }

    /**
     * One page of supervision sessions ({@code items}, {@code nextCursor} as every list) and the minutes of
     * every session in the period, on every page; {@code verifiedMinutes}: the part that counts toward eligibility.
     */
    public record SupervisionLog(@Schema(maxItems = PageRequest.MAX_LIMIT) List<SupervisionView> items,
                                 @Schema(maxLength = Bounds.CURSOR) String nextCursor,
                                 @Schema(minimum = "0", maximum = AssessmentBounds.COUNT_MAX) long totalMinutes, double totalHours,
                                 @Schema(minimum = "0", maximum = AssessmentBounds.COUNT_MAX) long verifiedMinutes) {
    }

    public record OpenAssessmentBody(@Size(max = Bounds.CODE) String frameworkCode,
                                     @Min(1) @Max(Integer.MAX_VALUE) Integer frameworkVersion) {
    }

    public record ActionBody(@NotBlank @Size(max = Bounds.CODE) String competenceCode,
                             @NotBlank @Size(max = Bounds.REASON) String action, @NotNull LocalDate dueOn) {
    }

    public record ActionView(UUID id, @Schema(maxLength = Bounds.CODE) String competenceCode,
                             @Schema(maxLength = Bounds.REASON) String action, LocalDate dueOn, Instant doneAt, boolean overdue) {
        static ActionView of(DevelopmentAction d) {
            return new ActionView(d.id, d.competenceCode, d.action(), d.dueOn, d.doneAt,
                    d.doneAt == null && d.dueOn.isBefore(Eligibility.today()));
        }
    }

    /** {@code difference}: how many levels the assessor's rating lies above (positive) or below the self rating. */
    public record ProfileLine(@Schema(maxLength = CaseDocuments.MAX_CODE) String code, @Schema(maxLength = CaseDocuments.MAX_CODE) String type,
                              @Schema(maxLength = CaseDocuments.MAX_STATEMENT) String title, RatingView self, RatingView assessor,
                              boolean gap, @Schema(minimum = "-3", maximum = "3") Integer difference) {
    }

    /** The development plan is its own list: {@code GET .../development-actions}. */
    public record CompetenceProfileView(@Schema(maxLength = Bounds.SUBJECT) String practitionerId,
                                        @Schema(maxLength = Bounds.CODE) String frameworkCode,
                                        @Schema(minimum = "1", maximum = AssessmentBounds.VERSION_MAX) int frameworkVersion,
                                        AssessmentSummary assessment,
                                        @Schema(maxItems = CaseDocuments.MAX_ITEMS) List<ProfileLine> competences,
                                        @Schema(maxItems = CaseDocuments.MAX_ITEMS) List<@Size(max = CaseDocuments.MAX_CODE) String> gaps) {
    }

    public record RequirementView(@Schema(maxLength = Bounds.CODE) String eligibility, @Schema(maxLength = Bounds.CODE) String requirement,
                                  boolean met, @Schema(maxLength = Bounds.NAME) String detail,
                                  @Schema(maxItems = CaseDocuments.MAX_ITEMS) List<@Size(max = CaseDocuments.MAX_CODE) String> missing) {
        static RequirementView of(EligibilityRules.Requirement r) {
            return new RequirementView(r.eligibility(), r.requirement(), r.met(), r.detail(), r.missing());
        }
    }

    public record EligibilityView(@Schema(maxLength = Bounds.SUBJECT) String practitionerId, LocalDate asOf,
                                  @Schema(maxItems = 2) List<@Size(max = Bounds.CODE) String> eligibilities,
                                  @Schema(maxItems = 10) List<RequirementView> requirements) {
    }

    private PractitionerView view(Practitioner p) {
        return view(p, practitioners.registrations(p.subject));
    }

    private static PractitionerView view(Practitioner p, List<Registration> registrations) {
        return new PractitionerView(p.subject, p.displayName(), p.roles, p.supervisorId,
                registrations.stream().map(RegistrationView::of).toList(), p.createdAt, p.version);
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:create")
    @Operation(operationId = "createPractitioner", summary = "Create a profile: a practitioner their own, an admin anyone's")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The practitioner already has a profile")
    public Response create(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull ProfileBody body) {
        return idempotency.once(key, "create-practitioner", body, () -> {
            Practitioner p = practitioners.create(body.subject(), body.displayName(), body.roles());
            return Response.created(URI.create("/v1/practitioners/" + p.subject)).entity(view(p)).tag(ETags.of(p.version)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:view")
    @Operation(operationId = "listPractitioners", summary = "Admins: every profile; supervisors: their supervisees and themselves; coaches: themselves")
    public Page<PractitionerView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        Page<Practitioner> rows = page.page(practitioners.list(page), p -> new PageRequest.Position(p.createdAt, p.id));
        Map<String, List<Registration>> registrations = practitioners.registrations(rows.items().stream().map(p -> p.subject).toList());
        return new Page<>(rows.items().stream().map(p -> view(p, registrations.getOrDefault(p.subject, List.of()))).toList(),
                rows.nextCursor());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:view")
    @Operation(operationId = "getPractitioner", summary = "One profile with its registrations; ETag is its version")
    public Response get(@PathParam("id") @Size(max = Bounds.SUBJECT) String id) {
        Practitioner p = practitioners.visible(id);
        return Response.ok(view(p)).tag(ETags.of(p.version)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:update")
    @Operation(operationId = "updatePractitioner", summary = "Change name and roles (the practitioner or an admin; If-Match required)")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response update(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ProfileBody body) {
        Practitioner p = practitioners.update(id, ifMatch, body.displayName(), body.roles());
        return Response.ok(view(p)).tag(ETags.of(p.version)).build();
    }

    @PUT
    @Path("{id}/supervisor")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:assign-supervisor")
    @Operation(operationId = "assignSupervisor", summary = "Name the practitioner's supervisor (admin; If-Match required); publishes practitioner.supervisor-changed")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response assignSupervisor(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @HeaderParam("If-Match") String ifMatch,
                                     @Valid @NotNull SupervisorBody body) {
        Practitioner p = practitioners.assignSupervisor(id, ifMatch, body.supervisorId());
        return Response.ok(view(p)).tag(ETags.of(p.version)).build();
    }

    @POST
    @Path("{id}/registrations")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "registration:create")
    @Operation(operationId = "addRegistration", summary = "Add one's own professional registration (e.g. therapy-register with number and expiry)")
    @APIResponse(responseCode = "201", description = "Added; eligibility is recomputed")
    public Response register(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @Valid @NotNull RegistrationBody body) {
        Registration r = practitioners.register(id, body.kind(), body.body(), body.number(), body.expiresOn());
        return Response.created(URI.create("/v1/practitioners/" + id + "/registrations/" + r.id)).entity(RegistrationView.of(r))
                .tag(ETags.of(r.version)).build();
    }

    @PUT
    @Path("{id}/registrations/{registrationId}")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "registration:update")
    @Operation(operationId = "updateRegistration", summary = "Change one's own registration, e.g. its renewed expiry (If-Match required)")
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response updateRegistration(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @PathParam("registrationId") UUID registrationId,
                                       @HeaderParam("If-Match") String ifMatch, @Valid @NotNull RegistrationBody body) {
        Registration r = practitioners.updateRegistration(id, registrationId, ifMatch, body.kind(), body.body(), body.number(),
                body.expiresOn());
        return Response.ok(RegistrationView.of(r)).tag(ETags.of(r.version)).build();
    }

    @POST
    @Path("{id}/registrations/{registrationId}/verification")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "registration:verify")
    @Operation(operationId = "verifyRegistration", summary = "An admin (not the practitioner) verifies a registration: only verified ones count toward eligibility, which is recomputed; audited")
    @APIResponse(responseCode = "200", description = "Verified: who and when are recorded")
    @APIResponse(responseCode = "409", description = "Already verified")
    public RegistrationView verifyRegistration(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @PathParam("registrationId") UUID registrationId) {
        return RegistrationView.of(practitioners.verifyRegistration(id, registrationId));
    }

    @POST
    @Path("{id}/evidence")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "evidence:create")
    @Operation(operationId = "addEvidence", summary = "Record one's own evidence, linked to competences; attachments by URL and hash")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Response addEvidence(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @Valid @NotNull EvidenceBody body) {
        PractiseRecords.EvidenceWithAttachments e = records.addEvidence(id, body.kind(), body.occurredOn(), body.description(),
                body.competences(), body.minutes(), body.attachments() == null ? List.of()
                        : body.attachments().stream().map(a -> new PractiseRecords.Attachment(a.url(), a.sha256())).toList());
        return Response.created(URI.create("/v1/practitioners/" + id + "/evidence/" + e.evidence().id)).entity(EvidenceView.of(e))
                .build();
    }

    @GET
    @Path("{id}/evidence")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "evidence:view")
    @Operation(operationId = "listEvidence", summary = "The practitioner's evidence, newest first (the practitioner or their supervisor)")
    public Page<EvidenceView> evidence(@PathParam("id") @Size(max = Bounds.SUBJECT) String id,
                                       @QueryParam("kind") @Size(max = Bounds.CODE) String kind,
                                       @Parameter(description = "true: only verified entries; false: only those awaiting verification")
                                       @QueryParam("verified") Boolean verified,
                                       @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(records.evidence(id, page, kind, verified).stream().map(EvidenceView::of).toList(),
                v -> new PageRequest.Position(v.recordedAt(), v.id()));
    }

    @POST
    @Path("{id}/evidence/{evidenceId}/verification")
    @RolesAllowed(Roles.SUPERVISOR)
    @Extension(name = AccessMatrix.EXTENSION, value = "evidence:verify")
    @Operation(operationId = "verifyEvidence", summary = "The practitioner's supervisor verifies evidence: typed-in practice hours count toward eligibility only once verified, which recomputes it; audited")
    @APIResponse(responseCode = "200", description = "Verified: who and when are recorded")
    @APIResponse(responseCode = "409", description = "Already verified")
    public EvidenceView verifyEvidence(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @PathParam("evidenceId") UUID evidenceId) {
        Evidence e = verifications.verifyEvidence(id, evidenceId);
        return EvidenceView.of(new PractiseRecords.EvidenceWithAttachments(e, records.attachments(e.id)));
    }

    @POST
    @Path("{id}/supervision-sessions")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "supervision-record:record")
    @Operation(operationId = "recordSupervision", summary = "Record a supervision session (the supervisee or their supervisor)")
    @APIResponse(responseCode = "201", description = "Recorded; eligibility is recomputed")
    public Response recordSupervision(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @Valid @NotNull SupervisionBody body) {
        SupervisionSession s = records.recordSupervision(id, body.heldOn(), body.durationMinutes(), body.competences(), body.notes());
        return Response.created(URI.create("/v1/practitioners/" + id + "/supervision-sessions/" + s.id))
                .entity(SupervisionView.of(s)).build();
    }

    @GET
    @Path("{id}/supervision-sessions")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "supervision-record:view")
    @Operation(operationId = "listSupervision", summary = "Supervision sessions, newest recorded first, optionally in a period (from, to inclusive), with the minutes of every session in it on each page")
    public SupervisionLog supervision(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @QueryParam("from") LocalDate from,
                                      @QueryParam("to") LocalDate to, @QueryParam("limit") Integer limit,
                                      @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        PractiseRecords.SupervisionPage t = records.supervision(id, from, to, page);
        Page<SupervisionSession> rows = page.page(t.sessions(), s -> new PageRequest.Position(s.recordedAt, s.id));
        return new SupervisionLog(rows.items().stream().map(SupervisionView::of).toList(), rows.nextCursor(), t.totalMinutes(),
                Math.round(t.totalMinutes() / 6.0) / 10.0, t.verifiedMinutes());
    }

    @POST
    @Path("{id}/supervision-sessions/{sessionId}/verification")
    @RolesAllowed(Roles.SUPERVISOR)
    @Extension(name = AccessMatrix.EXTENSION, value = "supervision-record:verify")
    @Operation(operationId = "verifySupervision", summary = "The supervisee's supervisor verifies a session the supervisee recorded: only verified sessions count toward eligibility, which is recomputed; audited")
    @APIResponse(responseCode = "200", description = "Verified: who and when are recorded")
    @APIResponse(responseCode = "409", description = "Already verified")
    public SupervisionView verifySupervision(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @PathParam("sessionId") UUID sessionId) {
        return SupervisionView.of(verifications.verifySupervision(id, sessionId));
    }

    @POST
    @Path("{id}/assessments")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "assessment:open")
    @Operation(operationId = "openAssessment", summary = "Open an assessment cycle against a framework version (the current one by default)")
    @APIResponse(responseCode = "201", description = "Opened")
    public Response openAssessment(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @Valid OpenAssessmentBody body) {
        Assessment a = assessments.open(id, body == null ? null : body.frameworkCode(), body == null ? null : body.frameworkVersion());
        return Response.created(URI.create("/v1/assessments/" + a.id)).entity(AssessmentSummary.of(a)).tag(ETags.of(a.version)).build();
    }

    @GET
    @Path("{id}/assessments")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "assessment:view")
    @Operation(operationId = "listAssessments", summary = "The practitioner's assessment cycles, newest first")
    public Page<AssessmentSummary> assessments(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @QueryParam("limit") Integer limit,
                                               @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return page.page(assessments.list(id, page).stream().map(AssessmentSummary::of).toList(),
                v -> new PageRequest.Position(v.openedAt(), v.id()));
    }

    @POST
    @Path("{id}/development-actions")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "development-action:create")
    @Operation(operationId = "addDevelopmentAction", summary = "Add an action for a gap to the development plan")
    @APIResponse(responseCode = "201", description = "Added")
    public Response plan(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @Valid @NotNull ActionBody body) {
        DevelopmentAction d = assessments.plan(id, body.competenceCode(), body.action(), body.dueOn());
        return Response.created(URI.create("/v1/practitioners/" + id + "/development-actions/" + d.id)).entity(ActionView.of(d)).build();
    }

    @GET
    @Path("{id}/development-actions")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "development-action:view")
    @Operation(operationId = "listDevelopmentActions", summary = "The development plan, newest action first (the practitioner or their supervisor)")
    public Page<ActionView> developmentActions(@PathParam("id") @Size(max = Bounds.SUBJECT) String id,
                                               @Parameter(description = "true: only actions done; false: only those still open")
                                               @QueryParam("done") Boolean done,
                                               @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        Page<DevelopmentAction> rows = page.page(assessments.plan(id, page, done), d -> new PageRequest.Position(d.createdAt, d.id));
        return new Page<>(rows.items().stream().map(ActionView::of).toList(), rows.nextCursor());
    }

    @POST
    @Path("{id}/development-actions/{actionId}/completion")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "development-action:complete")
    @Operation(operationId = "completeDevelopmentAction", summary = "Mark a development action done; audited")
    @APIResponse(responseCode = "409", description = "Already done")
    public ActionView done(@PathParam("id") @Size(max = Bounds.SUBJECT) String id, @PathParam("actionId") UUID actionId) {
        return ActionView.of(assessments.markDone(id, actionId));
    }

    @GET
    @Path("{id}/profile")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:view-competence-profile")
    @Operation(operationId = "getCompetenceProfile", summary = "Self and assessor ratings side by side per competence (never averaged) and the gaps; the plan for them is listDevelopmentActions")
    public CompetenceProfileView profile(@PathParam("id") @Size(max = Bounds.SUBJECT) String id) {
        practitioners.require(id, PractitionerPolicy.Action.VIEW_COMPETENCE_PROFILE);
        Settings.Current s = settings.current();
        Assessment latest = assessments.latestOnCurrentFramework(id).orElse(null);
        CompetenceFramework framework = latest == null ? frameworks.get(s.frameworkCode(), s.frameworkVersion())
                : assessments.framework(latest);
        List<ProfileLine> lines = CompetenceProfile.of(framework, latest == null ? List.of() : assessments.ratings(latest)).stream()
                .map(l -> new ProfileLine(l.competence().code(), l.competence().type(), l.competence().statement(),
                        RatingView.of(l.self()), RatingView.of(l.assessor()), l.gap(), l.difference())).toList();
        return new CompetenceProfileView(id, framework.code(), framework.version(),
                latest == null ? null : AssessmentSummary.of(latest), lines,
                lines.stream().filter(ProfileLine::gap).map(ProfileLine::code).toList());
    }

    @GET
    @Path("{id}/eligibility")
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "practitioner:view-eligibility")
    @Operation(operationId = "getEligibility", summary = "What the practitioner is eligible for today, with every requirement met or missing")
    public EligibilityView eligibility(@PathParam("id") @Size(max = Bounds.SUBJECT) String id) {
        practitioners.require(id, PractitionerPolicy.Action.VIEW_ELIGIBILITY);
        LocalDate today = Eligibility.today();
        EligibilityRules.Result r = eligibility.evaluate(id, today);
        return new EligibilityView(id, today, r.eligibilities(), r.requirements().stream().map(RequirementView::of).toList());
    }
}
