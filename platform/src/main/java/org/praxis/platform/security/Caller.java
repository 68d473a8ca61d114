package org.praxis.platform.security;

import java.util.Set;

/**
 * Who is acting and for which tenant: a signed-in person, or a service consuming an event on a
 * tenant's behalf ({@link #system}).
 */
public record Caller(String subject, String tenantId, Set<String> roles, boolean system) {

    public static Caller system(String service, String tenantId) {
        return new Caller("system:" + service, tenantId, Set.of(), true);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
