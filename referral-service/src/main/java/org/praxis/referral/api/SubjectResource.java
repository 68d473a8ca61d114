package org.praxis.referral.api;

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
import org.praxis.referral.domain.access.SubjectPolicy;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.security.Roles;
import org.praxis.referral.api.ReferralViews.ConsentView;
import org.praxis.referral.api.ReferralViews.ReferralView;
import org.praxis.referral.api.ReferralViews.StepView;
import org.praxis.referral.api.SelfHelpResource.OfferView;
import org.praxis.referral.domain.AnswerDeadlines;
import org.praxis.referral.domain.SubjectRecords;

@Path("/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Subject access: everything referral-service holds about a person")
public class SubjectResource {
    @Inject
    SubjectRecords records;
    @Inject
    org.praxis.platform.security.CallerContext callerContext;

    public record SubjectExport(String subject, List<ReferralView> referrals, List<ConsentView> consents,
                                List<StepView> steps, List<OfferView> selfHelp) {
    }

    @GET
    @Path("{subject}/export")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "subject-export:export")
    @Operation(operationId = "exportSubject", summary = "Export everything held about a person (admin; audited)")
    public SubjectExport export(@PathParam("subject") String subject) {
        new SubjectPolicy().requireAllowed(callerContext.caller(), SubjectPolicy.Action.EXPORT);
        SubjectRecords.Export e = records.export(subject);
        return new SubjectExport(e.subject(),
                e.referrals().stream().map(r -> ReferralView.of(r, null, AnswerDeadlines.defaults())).toList(),
                e.consents().stream().map(ConsentView::of).toList(),
                e.steps().stream().map(StepView::of).toList(),
                e.selfHelp().stream().map(o -> OfferView.of(o, null)).toList());
    }
}
