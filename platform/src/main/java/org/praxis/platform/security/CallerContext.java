package org.praxis.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.praxis.platform.problem.ProblemException;

/**
 * The caller of the current request or event. Every tenant-scoped query takes its tenant from here;
 * a request whose token has no tenant cannot get one, so it can reach no tenant's data.
 */
@RequestScoped
public class CallerContext {
    @Inject
    SecurityIdentity identity;

    private Caller override;

    // Resources, policies and queries ask many times per request; the identity does not change within one.
    private Caller signedIn;

    /** Used by event consumers: the service acts for the tenant the event belongs to. */
    public void actAs(Caller caller) {
        this.override = caller;
    }

    public Caller caller() {
        if (override != null) {
            return override;
        }
        if (signedIn == null) {
            signedIn = fromIdentity();
        }
        return signedIn;
    }

    private Caller fromIdentity() {
        if (identity == null || identity.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        String tenant = TenantClaim.of(identity.getPrincipal());
        if (tenant == null) {
            throw ProblemException.forbidden("The token carries no tenant.");
        }
        // The OIDC subject, not a display name: ids stay stable when a user renames themselves.
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
        return new Caller(subject, tenant, Set.copyOf(identity.getRoles()), false);
    }

    public String tenantId() {
        return caller().tenantId();
    }

    public String subject() {
        return caller().subject();
    }
}
