package org.praxis.assessment.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.assessment.domain.Settings;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettings;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;

@Path("/v1/assessment-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Settings", description = "The tenant's current framework and eligibility minimums")
public class SettingsResource {
    @Inject
    Settings settings;

    public record SettingsRequest(
            @NotBlank @Size(max = Bounds.CODE) String frameworkCode,
            @NotNull @Min(1) @Max(Integer.MAX_VALUE) Integer frameworkVersion,

            @NotNull @Min(0) @Max(AssessmentBounds.MAX_HOURS)
            Integer minPracticeHours,

            @NotNull @Min(0) @Max(AssessmentBounds.MAX_HOURS)
            Integer minSupervisionHours) {}

    public record SettingsView(
            @Schema(required = true, maxLength = Bounds.CODE)
            String frameworkCode,

            @Schema(required = true, minimum = "1", maximum = AssessmentBounds.VERSION_MAX)
            int frameworkVersion,

            @Schema(required = true, minimum = "0", maximum = "" + AssessmentBounds.MAX_HOURS)
            int minPracticeHours,

            @Schema(required = true, minimum = "0", maximum = "" + AssessmentBounds.MAX_HOURS)
            int minSupervisionHours,

            @Schema(required = true, minimum = "0", maximum = AssessmentBounds.COUNT_MAX)
            long revision,

            @Schema(required = true) boolean defaults) {
        static SettingsView of(TenantSettings.Current<Settings.Values> c) {
            Settings.Values v = c.settings();
            return new SettingsView(
                    v.frameworkCode(),
                    v.frameworkVersion(),
                    v.minPracticeMinutes() / 60,
                    v.minSupervisionMinutes() / 60,
                    c.revision(),
                    c.defaults());
        }
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "settings:view")
    @Operation(operationId = "getAssessmentSettings", summary = "The current framework and the hours eligibility needs")
    @APIResponse(
            responseCode = "200",
            description = "The settings; ETag is their revision",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    public Response get() {
        TenantSettings.Current<Settings.Values> c = settings.read();
        return ETags.ok(SettingsView.of(c), c.revision());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "settings:replace")
    @Operation(
            operationId = "replaceAssessmentSettings",
            summary = "Replace them (If-Match required); every practitioner's eligibility is recomputed")
    @APIResponse(
            responseCode = "200",
            description = "Replaced; ETag is the new revision",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response replace(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull SettingsRequest body) {
        TenantSettings.Current<Settings.Values> c = settings.replace(
                new Settings.Values(
                        body.frameworkCode(),
                        body.frameworkVersion(),
                        body.minPracticeHours() * 60,
                        body.minSupervisionHours() * 60),
                ifMatch);
        return ETags.ok(SettingsView.of(c), c.revision());
    }
}
