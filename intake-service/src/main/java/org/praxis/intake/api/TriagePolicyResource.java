package org.praxis.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.domain.TriagePolicies;
import org.praxis.intake.domain.TriagePolicy;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettings;
import org.praxis.platform.web.ETags;

@Path("/v1/triage-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Triage policy", description = "The tenant's triage thresholds")
public class TriagePolicyResource {
    @Inject
    TriagePolicies policies;

    /**
     * The thresholds, each at most {@link TriagePolicy}'s cap (a tenant may be more cautious than the published
     * bands, never less); their order is checked by {@link TriagePolicy}.
     */
    @Schema(name = "TriagePolicy")
    public record Thresholds(
            @Min(1) @Max(TriagePolicy.PHQ9_THERAPY_AT_MOST) @Schema(required = true)
            int phq9Therapy,

            @Min(1) @Max(TriagePolicy.GAD7_THERAPY_AT_MOST) @Schema(required = true)
            int gad7Therapy,

            @Min(1) @Max(TriagePolicy.PHQ9_THERAPY_AT_MOST) @Schema(required = true)
            int phq9Integrated,

            @Min(1) @Max(TriagePolicy.GAD7_THERAPY_AT_MOST) @Schema(required = true)
            int gad7Integrated,

            @Min(1) @Max(TriagePolicy.MONITORING_AT_MOST) @Schema(required = true)
            int phq9Monitoring,

            @Min(1) @Max(TriagePolicy.MONITORING_AT_MOST) @Schema(required = true)
            int gad7Monitoring,

            @Min(1) @Max(TriagePolicy.WSAS_MONITORING_AT_MOST) @Schema(required = true)
            int wsasMonitoring,

            @Min(1)
            @Max(TriagePolicy.PHQ2_POSITIVE_AT_MOST)
            @Schema(
                    required = true,
                    description = "PHQ-2 is positive at or above this total; GAD-2 is always positive at 3")
            int screenPositiveThreshold,

            @Schema(required = true) boolean coachesMayClaim) {
        static Thresholds of(TriagePolicy p) {
            return new Thresholds(
                    p.phq9Therapy(),
                    p.gad7Therapy(),
                    p.phq9Integrated(),
                    p.gad7Integrated(),
                    p.phq9Monitoring(),
                    p.gad7Monitoring(),
                    p.wsasMonitoring(),
                    p.screenPositiveThreshold(),
                    p.coachesMayClaim());
        }

        TriagePolicy toDomain() {
            return new TriagePolicy(
                    phq9Therapy,
                    gad7Therapy,
                    phq9Integrated,
                    gad7Integrated,
                    phq9Monitoring,
                    gad7Monitoring,
                    wsasMonitoring,
                    screenPositiveThreshold,
                    coachesMayClaim);
        }
    }

    public record PolicyView(
            @Schema(required = true) Thresholds policy,

            @Schema(required = true, minimum = "0", maximum = IntakeViews.COUNT_MAX)
            long revision,

            @Schema(required = true) boolean defaults) {
        static PolicyView of(TenantSettings.Current<TriagePolicy> c) {
            return new PolicyView(Thresholds.of(c.settings()), c.revision(), c.defaults());
        }
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "triage-policy:view")
    @Operation(
            operationId = "getTriagePolicy",
            summary = "The thresholds triage uses in this tenant, and whether coaches may claim waiting intakes")
    @APIResponse(
            responseCode = "200",
            description = "The thresholds; ETag is their revision",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    public Response get() {
        TenantSettings.Current<TriagePolicy> current = policies.read();
        return ETags.ok(PolicyView.of(current), current.revision());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "triage-policy:replace")
    @Operation(operationId = "replaceTriagePolicy", summary = "Replace the tenant's thresholds (If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response replace(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull Thresholds request) {
        TenantSettings.Current<TriagePolicy> current = policies.replace(request.toDomain(), ifMatch);
        return ETags.ok(PolicyView.of(current), current.revision());
    }
}
