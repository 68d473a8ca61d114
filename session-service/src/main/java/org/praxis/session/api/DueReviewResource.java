package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.session.domain.Reviews;

/** The practitioner's (or supervisor's) list of periodic reviews that are due. */
@Path("/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "Periodic reviews and the end review that closes an engagement")
public class DueReviewResource {
    @Inject
    Reviews reviews;

    public record DueView(
            @Schema(required = true) UUID engagementId,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String clientSubject,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String practitionerId,

            @Schema(required = true) LocalDate dueOn) {}

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "review:list-due")
    @Operation(
            operationId = "listDueReviews",
            summary = "Engagements whose periodic review is due (?due=true), most overdue first")
    public Page<DueView> due(
            @Parameter(required = true, description = "Must be true: past reviews are listed per engagement")
                    @QueryParam("due")
                    Boolean due,
            @BeanParam PageParams page) {
        if (!Boolean.TRUE.equals(due)) {
            throw ProblemException.badRequest("Ask for ?due=true; past reviews are listed per engagement.");
        }
        return reviews.due(LocalDate.now(ZoneOffset.UTC), page.request())
                .map(e -> new DueView(e.id, e.clientSubject, e.practitionerId, e.reviewDueOn));
    }
}
