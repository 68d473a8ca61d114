package org.praxis.intake.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.intake.domain.BuiltInInstruments;
import org.praxis.intake.domain.Instrument;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Roles;

@Path("/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Instruments", description = "Questionnaires and how the server scores them")
public class InstrumentResource {

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
    @Operation(operationId = "listInstruments", summary = "The instruments available to the tenant")
    public List<InstrumentView> list() {
        return BuiltInInstruments.all().stream().map(InstrumentView::of).toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getInstrument", summary = "One instrument: items, answer ranges, scoring rule and version")
    public InstrumentView get(@PathParam("code") String code) {
        return BuiltInInstruments.byCode(code).map(InstrumentView::of)
                .orElseThrow(() -> ProblemException.notFound("Instrument " + code));
    }
}
