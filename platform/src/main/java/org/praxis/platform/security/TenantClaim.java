package org.praxis.platform.security;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import java.security.Principal;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads and checks the {@code tenant} claim of an access token. */
final class TenantClaim {
    static final String NAME = "tenant";
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private TenantClaim() {}

    /** The tenant of the token, or null when it has none or one that is not a valid tenant id. */
    static String of(Principal principal) {
        if (!(principal instanceof JsonWebToken jwt)) {
            return null;
        }
        // smallrye-jwt's getClaim throws and catches an IllegalArgumentException for every name outside the
        // standard claims (JFR: one per request); the OIDC principal's own claims are read without it.
        Object claim =
                jwt instanceof OidcJwtCallerPrincipal oidc ? oidc.getClaims().getClaimValue(NAME) : jwt.getClaim(NAME);
        String value = claim == null ? null : claim.toString().replace("\"", "");
        return value != null && VALID.matcher(value).matches() ? value : null;
    }
}
