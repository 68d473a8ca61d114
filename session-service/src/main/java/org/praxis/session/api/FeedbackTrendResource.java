package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.session.domain.FeedbackMeans;
import org.praxis.session.domain.FeedbackRespondents;
import org.praxis.session.domain.FeedbackTrends;
import org.praxis.session.domain.SessionFeedback;

/**
 * A practitioner's client-feedback trends by month (issue 22): to the practitioner and their supervisors.
 * A report of at most {@link FeedbackTrends#MONTHS} months, not a list to page.
 */
@Path("/v1/feedback-trends")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback", description = "The client's feedback on the coach, and the practitioner's trends")
public class FeedbackTrendResource {
    /** Comments one month shows at most. */
    static final int COMMENTS = 1_000;

    @Inject
    FeedbackTrends trends;

    public record TrendsView(
            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String practitionerId,

            @Schema(
                    required = true,
                    minimum = "" + FeedbackTrends.MINIMUM_ANSWERS,
                    maximum = "" + FeedbackTrends.MINIMUM_ANSWERS,
                    description = "Answers a month needs before its means and comments show")
            int minimumAnswers,

            @Schema(
                    required = true,
                    minimum = "" + FeedbackRespondents.MINIMUM_CLIENTS,
                    maximum = "" + FeedbackRespondents.MINIMUM_CLIENTS,
                    description = "Clients a month's answers need to come from before its means and comments show")
            int minimumClients,

            @Schema(
                    required = true,
                    maxItems = FeedbackTrends.MONTHS,
                    description = "Months with answers, newest first")
            List<MonthView> months) {}

    public record MonthView(
            @Schema(required = true, description = "yyyy-MM", maxLength = 7, pattern = "^\\d{4}-\\d{2}$")
            String month,

            @Schema(required = true, minimum = "1", maximum = "" + Bounds.COUNT_MAX)
            int answers,

            @Schema(description = "Null below the minimum number of answers, and in the month in progress")
            MeansView means,

            @Schema(
                    required = true,
                    maxItems = COMMENTS,
                    description =
                            "Alphabetical, tied to no session; empty below the minimum and in the month in progress")
            List<@Size(max = SessionFeedback.COMMENT_MAX) String> comments,

            @Schema(maxLength = Bounds.REASON) String notShownBecause) {
        static MonthView of(FeedbackTrends.Month m) {
            return new MonthView(
                    m.month().toString(),
                    m.answers(),
                    m.means() == null ? null : MeansView.of(m.means()),
                    m.comments().stream().limit(COMMENTS).toList(),
                    m.notShownBecause());
        }
    }

    public record MeansView(
            @Schema(required = true, minimum = "0", maximum = "10")
            BigDecimal feltHeard,

            @Schema(required = true, minimum = "0", maximum = "10")
            BigDecimal workedOnWhatMattered,

            @Schema(required = true, minimum = "0", maximum = "10")
            BigDecimal approachFitted,

            @Schema(required = true, minimum = "0", maximum = "10")
            BigDecimal overall) {
        static MeansView of(FeedbackMeans m) {
            return new MeansView(m.feltHeard(), m.workedOnWhatMattered(), m.approachFitted(), m.overall());
        }
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "feedback-trends:view")
    @Operation(
            operationId = "getFeedbackTrends",
            summary = "A practitioner's client feedback by month: answers, and means and comments once a month has"
                    + " ended with enough answers; to the practitioner and their supervisors (audited)")
    @APIResponse(
            responseCode = "200",
            description = "The trends",
            content = @Content(schema = @Schema(implementation = TrendsView.class)))
    @APIResponse(responseCode = "404", description = "Not the caller nor a practitioner they supervise")
    public TrendsView get(
            @Parameter(required = true, description = "The practitioner's subject")
                    @QueryParam("practitionerId")
                    @NotBlank
                    @Size(max = Bounds.SUBJECT)
                    String practitionerId) {
        return new TrendsView(
                practitionerId,
                FeedbackTrends.MINIMUM_ANSWERS,
                FeedbackRespondents.MINIMUM_CLIENTS,
                trends.of(practitionerId).stream().map(MonthView::of).toList());
    }
}
