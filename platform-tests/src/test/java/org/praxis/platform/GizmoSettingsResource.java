package org.praxis.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.praxis.platform.settings.TenantSettings;
import org.praxis.platform.web.ETags;

/** Tenant settings as a service's settings resource uses them (the transaction is the domain's there). */
@Path("/test/gizmo-settings")
@RolesAllowed("coach")
public class GizmoSettingsResource {
    @Inject
    TenantSettings settings;

    public record ColourView(String colour, long revision, boolean defaults) {
        static ColourView of(TenantSettings.Current<GizmoSettings.Colour> c) {
            return new ColourView(c.settings().name(), c.revision(), c.defaults());
        }
    }

    @GET
    public Response get() {
        TenantSettings.Current<GizmoSettings.Colour> c = settings.current(GizmoSettings.KIND);
        return Response.ok(ColourView.of(c)).tag(ETags.of(c.revision())).build();
    }

    @PUT
    @Transactional
    public Response replace(@HeaderParam("If-Match") String ifMatch, GizmoSettings.Colour colour) {
        TenantSettings.Current<GizmoSettings.Colour> c = settings.replace(GizmoSettings.KIND, colour, ifMatch);
        return Response.ok(ColourView.of(c)).tag(ETags.of(c.revision())).build();
    }
}
