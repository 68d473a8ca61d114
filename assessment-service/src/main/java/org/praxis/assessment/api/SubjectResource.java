package org.praxis.assessment.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.api.AssessmentResource.AssessmentSummary;
import org.praxis.assessment.api.PractitionerResource.ActionView;
import org.praxis.assessment.api.PractitionerResource.RegistrationView;
import org.praxis.assessment.api.PractitionerResource.SupervisionView;
import org.praxis.assessment.domain.AccessPolicies;
import org.praxis.assessment.domain.SubjectRecords;
import org.praxis.assessment.domain.access.SubjectExportPolicy;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;

@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Subject access: everything assessment-service holds about a practitioner")
public class SubjectResource {
    @Inject
    SubjectRecords records;
    @Inject
    AccessPolicies policies;

    public record ProfileExport(String subject, String displayName, List<String> roles, String supervisorId) {
    }

    public record EvidenceExport(java.util.UUID id, String kind, java.time.LocalDate occurredOn, String description,
                                 List<String> competences, Integer minutes) {
    }

    public record RatingExport(java.util.UUID assessmentId, String competenceCode, String source, String level, String comment) {
    }

    public record SubjectExport(String subject, List<ProfileExport> profile, List<RegistrationView> registrations,
                                List<EvidenceExport> evidence, List<SupervisionView> supervision,
                                List<AssessmentSummary> assessments, List<RatingExport> ratings, List<ActionView> plan) {
    }

    @GET
    @Path("{subject}/export")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "subject:export")
    @Operation(operationId = "exportSubject", summary = "Export everything held about a practitioner (admin; audited)")
    public SubjectExport export(@PathParam("subject") String subject) {
        policies.subjectExport().require(policies.caller(), SubjectExportPolicy.Action.EXPORT, subject, subject);
        SubjectRecords.Export e = records.export(subject);
        return new SubjectExport(e.subject(),
                e.profile().stream().map(p -> new ProfileExport(p.subject, p.displayName, p.roles, p.supervisorId)).toList(),
                e.registrations().stream().map(RegistrationView::of).toList(),
                e.evidence().stream().map(v -> new EvidenceExport(v.id, v.kind, v.occurredOn, v.description, v.competences,
                        v.minutes)).toList(),
                e.supervision().stream().map(SupervisionView::of).toList(),
                e.assessments().stream().map(AssessmentSummary::of).toList(),
                e.ratings().stream().map(r -> new RatingExport(r.assessmentId, r.competenceCode, r.source, r.level, r.comment)).toList(),
                e.plan().stream().map(ActionView::of).toList());
    }
}
