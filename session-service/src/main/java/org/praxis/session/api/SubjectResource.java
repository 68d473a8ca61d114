package org.praxis.session.api;

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
import org.praxis.platform.security.Roles;
import org.praxis.session.api.EngagementViews.EngagementView;
import org.praxis.session.api.GoalResource.ActionView;
import org.praxis.session.api.GoalResource.ProgressView;
import org.praxis.session.api.NoteResource.NoteView;
import org.praxis.session.api.ReviewResource.ReviewView;
import org.praxis.session.api.SessionResource.SessionView;
import org.praxis.session.domain.SubjectRecords;

@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Subject access: everything session-service holds about a client")
public class SubjectResource {
    @Inject
    SubjectRecords records;

    public record GoalExport(java.util.UUID id, java.util.UUID engagementId, String title, String status) {
    }

    public record ContractExport(java.util.UUID id, java.util.UUID engagementId, int number, String purpose,
                                 String goalsInScope, String confidentialityTerms) {
    }

    public record SubjectExport(String subject, List<EngagementView> engagements, List<ContractExport> contracts,
                                List<SessionView> sessions, List<NoteView> notes, List<GoalExport> goals,
                                List<ProgressView> progress, List<ActionView> actions, List<ReviewView> reviews) {
    }

    @GET
    @Path("{subject}/export")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "subject-export:export")
    @Operation(operationId = "exportSubject", summary = "Export everything held about a client (admin; audited)")
    public SubjectExport export(@PathParam("subject") String subject) {
        SubjectRecords.Export e = records.export(subject);
        return new SubjectExport(e.subject(), e.engagements().stream().map(EngagementView::of).toList(),
                e.contracts().stream().map(c -> new ContractExport(c.id, c.engagementId, c.number, c.purpose(),
                        c.goalsInScope(), c.confidentialityTerms())).toList(),
                e.sessions().stream().map(SessionView::of).toList(),
                e.notes().stream().map(n -> NoteView.of(n, List.of())).toList(),
                e.goals().stream().map(g -> new GoalExport(g.id, g.engagementId, g.title(), g.status)).toList(),
                e.progress().stream().map(ProgressView::of).toList(),
                e.actions().stream().map(ActionView::of).toList(),
                e.reviews().stream().map(r -> ReviewView.of(r, true)).toList());
    }
}
