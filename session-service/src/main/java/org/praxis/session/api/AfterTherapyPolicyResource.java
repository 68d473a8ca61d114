package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettings;
import org.praxis.platform.web.ETags;
import org.praxis.session.domain.AfterTherapyPolicies;
import org.praxis.session.domain.AfterTherapyTerms;

@Path("/v1/admin/after-therapy-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Engagements", description = "Coaching engagements and their versioned contracts")
public class AfterTherapyPolicyResource {
    @Inject
    AfterTherapyPolicies policies;

    public record AfterTherapyPolicyRequest(
            @NotNull @Schema(required = true, description = "A new full intake is needed before coaching after therapy")
            Boolean newIntakeRequired) {}

    public record AfterTherapyPolicyView(
            @Schema(required = true) boolean newIntakeRequired,

            @Schema(required = true, minimum = "0", maximum = "9223372036854775807") @Min(0)
            long revision,

            @Schema(required = true) boolean defaults) {
        static AfterTherapyPolicyView of(TenantSettings.Current<AfterTherapyTerms> c) {
            return new AfterTherapyPolicyView(c.settings().newIntakeRequired(), c.revision(), c.defaults());
        }
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "after-therapy-policy:view")
    @Operation(
            operationId = "getAfterTherapyPolicy",
            summary = "Whether coaching after therapy needs a new full intake first (built in: not needed)")
    @APIResponse(
            responseCode = "200",
            description = "The policy; ETag is its revision",
            content = @Content(schema = @Schema(implementation = AfterTherapyPolicyView.class)))
    public Response get() {
        TenantSettings.Current<AfterTherapyTerms> current = policies.read();
        return ETags.ok(AfterTherapyPolicyView.of(current), current.revision());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "after-therapy-policy:replace")
    @Operation(
            operationId = "replaceAfterTherapyPolicy",
            summary = "Replace the tenant's policy for coaching after therapy (If-Match required)")
    @APIResponse(
            responseCode = "200",
            description = "Replaced; engagements started after therapy from now on follow it",
            content = @Content(schema = @Schema(implementation = AfterTherapyPolicyView.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match ETag")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response replace(
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull AfterTherapyPolicyRequest request) {
        TenantSettings.Current<AfterTherapyTerms> current =
                policies.replace(new AfterTherapyTerms(request.newIntakeRequired()), ifMatch);
        return ETags.ok(AfterTherapyPolicyView.of(current), current.revision());
    }
}
