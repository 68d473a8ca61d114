package org.praxis.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.UUID;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;

/** Lists paged the way every service's lists are: a thin resource over {@link TenantQueries}. */
@Path("/test/gizmos")
@RolesAllowed("coach")
public class GizmoResource {
    @Inject
    TenantQueries tenant;

    public record GizmoView(UUID id, Instant madeAt, LocalDate dueOn) {}

    @GET
    public Page<GizmoView> newestFirst(@BeanParam PageParams page) {
        return tenant.pageNewestFirst(Gizmo.class, new ArrayList<>(), new HashMap<>(), page.request(), "e.madeAt")
                .map(g -> new GizmoView(g.id, g.madeAt, g.dueOn));
    }

    @GET
    @Path("by-due-date")
    public Page<GizmoView> soonestFirst(@BeanParam PageParams page) {
        return tenant.pageSoonestFirst(Gizmo.class, new ArrayList<>(), new HashMap<>(), page.request(), "e.dueOn")
                .map(g -> new GizmoView(g.id, g.madeAt, g.dueOn));
    }
}
