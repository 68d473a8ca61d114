package org.praxis.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.domain.PractitionerFeedback;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;

/** A practitioner's client feedback as evidence (issue 22): what session-service aggregated, never per client. */
@Path("/v1/practitioners/{id}/client-feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = PractitionerResource.TAG, description = PractitionerResource.TAG_DESCRIPTION)
public class ClientFeedbackResource {
    @Inject
    PractitionerFeedback feedback;

    public record ClientFeedbackMeansView(
            @Schema(required = true, minimum = "0", maximum = "10")
            BigDecimal feltHeard,

            @Schema(required = true, minimum = "0", maximum = "10")
            BigDecimal workedOnWhatMattered,

            @Schema(required = true, minimum = "0", maximum = "10")
            BigDecimal approachFitted,

            @Schema(required = true, minimum = "0", maximum = "10")
            BigDecimal overall) {}

    /** Client feedback as evidence: counts and means only, never a client, an engagement or a session. */
    public record ClientFeedbackView(
            @Schema(required = true, maxItems = 2, description = "The framework's competences it is evidence for")
            List<@Size(max = Bounds.CODE) String> competences,

            @Schema(required = true, minimum = "0", maximum = "2147483647")
            int batches,

            // Named answers: a property called "responses" reads as an operation's responses to the API linter.
            @Schema(required = true, minimum = "0", maximum = "2147483647")
            int answers,

            @Schema(description = "Each item's mean over every answer (0-10); none before the first batch")
            ClientFeedbackMeansView means,

            LocalDate firstAnswerOn,
            LocalDate lastAnswerOn) {
        static ClientFeedbackView of(PractitionerFeedback.Summary s) {
            return new ClientFeedbackView(
                    PractitionerFeedback.COMPETENCES,
                    s.batches(),
                    s.responses(),
                    s.responses() == 0
                            ? null
                            : new ClientFeedbackMeansView(
                                    s.feltHeard(), s.workedOnWhatMattered(), s.approachFitted(), s.overall()),
                    s.firstAnswerOn(),
                    s.lastAnswerOn());
        }
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "evidence:view")
    @Operation(
            operationId = "getClientFeedbackEvidence",
            summary = "The practitioner's client feedback, aggregated from session-service five answers at a time,"
                    + " as evidence for the competences it speaks to (the practitioner or their supervisor)")
    @APIResponse(
            responseCode = "200",
            description = "Counts and means; zero answers before the first batch",
            content = @Content(schema = @Schema(implementation = ClientFeedbackView.class)))
    @APIResponse(responseCode = "404", description = "No such practitioner, or not one the caller may read")
    public ClientFeedbackView clientFeedback(@PathParam("id") @Size(max = Bounds.SUBJECT) String id) {
        return ClientFeedbackView.of(feedback.of(id));
    }
}
