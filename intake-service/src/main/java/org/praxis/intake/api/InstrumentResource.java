package org.praxis.intake.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.praxis.platform.access.AccessMatrix;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.domain.Instrument;
import org.praxis.intake.domain.Instruments;
import org.praxis.intake.domain.access.InstrumentPolicy;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Roles;

@Path("/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Instruments", description = "Questionnaires and how the server scores them")
public class InstrumentResource {
    @Inject
    Instruments instruments;
    @Inject
    CallerContext callerContext;

    public record InstrumentView(String code, int version, String title, String scoringVersion, List<Instrument.Item> items,
                                 List<Instrument.Band> bands, List<Instrument.ItemFlag> itemFlags, Integer percentMultiplier,
                                 Instrument.LowItemRule lowItemRule) {
        static InstrumentView of(Instrument i) {
            return new InstrumentView(i.code(), i.version(), i.title(), i.scoringVersion(), i.items(), i.bands(),
                    i.itemFlags(), i.percentMultiplier(), i.lowItemRule().orElse(null));
        }
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "instrument:view")
    @Operation(operationId = "listInstruments", summary = "The built-in instruments and the latest version of the tenant's own")
    public List<InstrumentView> list() {
        new InstrumentPolicy().requireAllowed(callerContext.caller(), InstrumentPolicy.Action.VIEW);
        return instruments.all().stream().map(InstrumentView::of).toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Extension(name = AccessMatrix.EXTENSION, value = "instrument:view")
    @Operation(operationId = "getInstrument", summary = "One instrument: items, answer ranges, scoring rule and version")
    public InstrumentView get(@PathParam("code") String code, @QueryParam("version") Integer version) {
        new InstrumentPolicy().requireAllowed(callerContext.caller(), InstrumentPolicy.Action.VIEW);
        return instruments.find(code, version).map(InstrumentView::of)
                .orElseThrow(() -> ProblemException.notFound("Instrument " + code + (version == null ? "" : " version " + version)));
    }

    @POST
    @Path("{code}/versions")
    @RolesAllowed(Roles.ADMIN)
    @Extension(name = AccessMatrix.EXTENSION, value = "instrument:publish")
    @Operation(operationId = "publishInstrumentVersion",
            summary = "Publish the tenant's own instrument, or its next version (published versions never change)")
    @APIResponse(responseCode = "201", description = "Published")
    public Response publish(@PathParam("code") String code, @NotNull Instruments.Definition definition) {
        Instrument published = instruments.publish(code, definition);
        return Response.created(URI.create("/v1/instruments/" + code + "?version=" + published.version()))
                .entity(InstrumentView.of(published)).build();
    }
}
