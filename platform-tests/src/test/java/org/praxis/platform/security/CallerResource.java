package org.praxis.platform.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** Shows what a request's token made of its caller, so a cache hit can be compared with a miss. */
@Path("/test/caller")
@Authenticated
public class CallerResource {
    @Inject
    CallerContext callers;

    @Inject
    SecurityIdentity identity;

    public record CallerView(String subject, String tenantId, List<String> roles, String principalName) {}

    @GET
    public CallerView caller() {
        Caller caller = callers.caller();
        return new CallerView(
                caller.subject(),
                caller.tenantId(),
                caller.roles().stream().sorted().toList(),
                identity.getPrincipal().getName());
    }

    /** The identity's roles, also for a token without a tenant (which loses them). */
    @GET
    @Path("roles")
    public List<String> roles() {
        return identity.getRoles().stream().sorted().toList();
    }
}
