package org.praxis.intake.api;

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
import org.praxis.platform.access.AccessMatrix;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.api.IntakeViews.AssignmentView;
import org.praxis.intake.api.IntakeViews.DecisionView;
import org.praxis.intake.api.IntakeViews.IntakeDetail;
import org.praxis.intake.api.IntakeViews.RiskFlagStepView;
import org.praxis.intake.api.IntakeViews.RiskFlagView;
import org.praxis.intake.domain.SubjectRecords;
import org.praxis.platform.security.Roles;

@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Subject access: everything intake holds about a person")
public class SubjectResource {
    @Inject
    SubjectRecords records;

    public record ScreeningExport(java.util.UUID id, java.util.UUID intakeId, String instrument, int instrumentVersion,
                                  String scoringVersion, String answers, int total, String severity, Integer percent,
                                  java.time.Instant scoredAt) {
    }

    public record SubjectExport(String subject, List<IntakeDetail> intakes, List<AssignmentView> assignments,
                                List<ScreeningExport> screenings, List<RiskFlagView> riskFlags,
                                List<RiskFlagStepView> riskFlagSteps, List<DecisionView> decisions) {
    }

    @GET
    @Path("{subject}/export")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "subject-export:export")
    @Operation(operationId = "exportSubject", summary = "Export everything held about a person (admin; audited)")
    public SubjectExport export(@PathParam("subject") String subject) {
        SubjectRecords.Export e = records.export(subject);
        return new SubjectExport(e.subject(), e.intakes().stream().map(IntakeDetail::of).toList(),
                e.assignments().stream().map(AssignmentView::of).toList(),
                e.screenings().stream().map(s -> new ScreeningExport(s.id, s.intakeId, s.instrumentCode, s.instrumentVersion,
                        s.scoringVersion, s.answers(), s.total, s.severity, s.percent, s.scoredAt)).toList(),
                e.riskFlags().stream().map(f -> RiskFlagView.of(f, null)).toList(),
                e.riskFlagSteps().stream().map(RiskFlagStepView::of).toList(),
                e.decisions().stream().map(DecisionView::of).toList());
    }
}
