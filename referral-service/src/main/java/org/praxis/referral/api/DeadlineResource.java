package org.praxis.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettings;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.referral.domain.AnswerDeadlines;
import org.praxis.referral.domain.Deadlines;

@Path("/v1/referral-deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Referral deadlines",
        description = "How long a recipient may take to answer, per urgency, before a referral is overdue")
public class DeadlineResource {
    @Inject
    Deadlines deadlines;

    /** ISO-8601 durations, e.g. PT4H, P2D. */
    public record DeadlinesRequest(
            @Size(max = Bounds.CODE) String emergency,
            @Size(max = Bounds.CODE) String urgent,
            @Size(max = Bounds.CODE) String soon,
            @Size(max = Bounds.CODE) String routine) {}

    public record DeadlinesView(
            @NotNull @Schema(maxLength = Bounds.CODE) String emergency,
            @NotNull @Schema(maxLength = Bounds.CODE) String urgent,
            @NotNull @Schema(maxLength = Bounds.CODE) String soon,
            @NotNull @Schema(maxLength = Bounds.CODE) String routine,

            @NotNull @Schema(minimum = "0", maximum = ReferralViews.COUNT_MAX)
            long revision,

            @NotNull boolean defaults) {
        static DeadlinesView of(TenantSettings.Current<AnswerDeadlines> c) {
            AnswerDeadlines d = c.settings();
            return new DeadlinesView(
                    d.emergency().toString(),
                    d.urgent().toString(),
                    d.soon().toString(),
                    d.routine().toString(),
                    c.revision(),
                    c.defaults());
        }
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "referral-deadlines:view")
    @Operation(
            operationId = "getReferralDeadlines",
            summary = "The answer deadlines in this tenant (defaults until an admin sets them)")
    @APIResponse(
            responseCode = "200",
            description = "The deadlines; ETag is their revision",
            content = @Content(schema = @Schema(implementation = DeadlinesView.class)))
    public Response get() {
        TenantSettings.Current<AnswerDeadlines> c = deadlines.read();
        return ETags.ok(DeadlinesView.of(c), c.revision());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "referral-deadlines:replace")
    @Operation(
            operationId = "replaceReferralDeadlines",
            summary = "Replace the tenant's answer deadlines (If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = DeadlinesView.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response replace(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull DeadlinesRequest body) {
        List<Violation> errors = new ArrayList<>();
        AnswerDeadlines requested = new AnswerDeadlines(
                parse("emergency", body.emergency(), errors),
                parse("urgent", body.urgent(), errors),
                parse("soon", body.soon(), errors),
                parse("routine", body.routine(), errors));
        Violation.refuseAny("Deadlines are ISO-8601 durations such as PT4H or P2D", errors);
        TenantSettings.Current<AnswerDeadlines> c = deadlines.replace(requested, ifMatch);
        return ETags.ok(DeadlinesView.of(c), c.revision());
    }

    private static Duration parse(String field, String value, List<Violation> errors) {
        if (value == null) {
            return null; // AnswerDeadlines names the missing ones
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Violation(field, "is not an ISO-8601 duration"));
            return null;
        }
    }
}
