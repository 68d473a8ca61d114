package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.session.api.ActionResource.ActionView;
import org.praxis.session.api.EngagementViews.EngagementView;
import org.praxis.session.domain.Engagements;
import org.praxis.session.domain.Goals;
import org.praxis.session.domain.SessionFeedbacks;
import org.praxis.session.domain.access.EngagementPolicy;

/** The signed-in client's own items, for a mobile app that knows no ids. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The signed-in client's own items")
public class MeResource {
    @Inject
    Goals goals;

    @Inject
    Engagements engagements;

    @Inject
    SessionFeedbacks feedback;

    @GET
    @Path("actions")
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "action-item:list-own")
    @Operation(
            operationId = "listMyActions",
            summary =
                    "The signed-in client's open action items of engagements not closed, soonest due first (undated last)")
    public Page<ActionView> actions(@BeanParam PageParams page) {
        return goals.myOpenActions(page.request()).map(ActionView::of);
    }

    @GET
    @Path("engagements")
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "engagement:list-own")
    @Operation(operationId = "listMyEngagements", summary = "The signed-in client's engagements, newest first")
    public Page<EngagementView> engagements(@BeanParam PageParams page) {
        return engagements
                .list(page.request(), null, EngagementPolicy.Action.LIST_OWN)
                .map(e -> EngagementView.of(e, false)); // a client reads no pathway code
    }

    @GET
    @Path("feedback-forms")
    @RolesAllowed(Roles.CLIENT)
    @Extension(name = AccessMatrix.EXTENSION, value = "session-feedback:list-open-forms")
    @Operation(
            operationId = "listMyFeedbackForms",
            summary = "The signed-in client's held sessions whose feedback form is still open, latest first")
    public Page<SessionView> feedbackForms(@BeanParam PageParams page) {
        return feedback.openForms(page.request()).map(SessionView::of);
    }
}
