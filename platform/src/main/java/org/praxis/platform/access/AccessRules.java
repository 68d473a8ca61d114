package org.praxis.platform.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * The grant table of one aggregate: for each action, which role reaches it through which relation to
 * the object (own, assigned, supervised, any in the tenant...). Deny by default: what is not granted
 * here is refused. The same table decides single objects, builds list filters and writes
 * {@code docs/access.md}, so the document cannot say something the code does not do.
 */
public final class AccessRules<A extends Enum<A>, R extends Enum<R>> {
    /** The roles in the order the matrix shows them. */
    public static final List<String> ROLES =
            List.of(Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.SPONSOR, Roles.ADMIN);

    private final String aggregate;
    private final Class<A> actions;
    private final Map<A, Map<String, Set<R>>> grants;
    private final Map<A, String> audits;

    private AccessRules(String aggregate, Class<A> actions, Map<A, Map<String, Set<R>>> grants, Map<A, String> audits) {
        this.aggregate = aggregate;
        this.actions = actions;
        this.grants = grants;
        this.audits = audits;
    }

    public static <A extends Enum<A>, R extends Enum<R>> Builder<A, R> of(
            String aggregate, Class<A> actions, Class<R> relations) {
        return new Builder<>(aggregate, actions, relations);
    }

    public String aggregate() {
        return aggregate;
    }

    public Class<A> actions() {
        return actions;
    }

    /** The relations through which the caller's roles reach {@code action}; empty = refused. */
    public Set<R> relations(A action, Caller caller) {
        Set<R> result = new java.util.LinkedHashSet<>();
        grants.getOrDefault(action, Map.of()).forEach((role, relations) -> {
            if (caller.hasRole(role)) {
                result.addAll(relations);
            }
        });
        return result;
    }

    /** True when some role of the caller reaches the action at all (creates and lists ask this first). */
    public boolean allows(A action, Caller caller) {
        return !relations(action, caller).isEmpty();
    }

    /** The relations granted to one role, for the matrix. */
    public Set<R> granted(A action, String role) {
        return Collections.unmodifiableSet(grants.getOrDefault(action, Map.of()).getOrDefault(role, Set.of()));
    }

    /** What the action writes to the audit log ("" when nothing). */
    public String audit(A action) {
        return audits.getOrDefault(action, "");
    }

    public List<A> allActions() {
        return List.of(actions.getEnumConstants());
    }

    public static final class Builder<A extends Enum<A>, R extends Enum<R>> {
        private final String aggregate;
        private final Class<A> actions;
        private final Class<R> relations;
        private final Map<A, Map<String, Set<R>>> grants;
        private final Map<A, String> audits;

        private Builder(String aggregate, Class<A> actions, Class<R> relations) {
            this.aggregate = aggregate;
            this.actions = actions;
            this.relations = relations;
            this.grants = new EnumMap<>(actions);
            this.audits = new EnumMap<>(actions);
        }

        @SafeVarargs
        public final Builder<A, R> allow(A action, String role, R... through) {
            if (!ROLES.contains(role) && !Roles.SERVICE.equals(role)) {
                throw new IllegalArgumentException("Unknown role " + role);
            }
            if (through.length == 0) {
                throw new IllegalArgumentException("A grant names the relation it holds through");
            }
            Set<R> set = grants.computeIfAbsent(action, a -> new LinkedHashMap<>())
                    .computeIfAbsent(role, r -> EnumSet.noneOf(relations));
            Collections.addAll(set, through);
            return this;
        }

        /** Records what the action writes to the audit log, for the matrix. */
        public Builder<A, R> audit(A action, String what) {
            audits.put(action, what);
            return this;
        }

        public AccessRules<A, R> build() {
            Map<A, Map<String, Set<R>>> copy = new EnumMap<>(actions);
            grants.forEach((action, byRole) -> {
                Map<String, Set<R>> roles = new LinkedHashMap<>();
                byRole.forEach((role, set) -> roles.put(role, Collections.unmodifiableSet(EnumSet.copyOf(set))));
                copy.put(action, Collections.unmodifiableMap(roles));
            });
            return new AccessRules<>(aggregate, actions, copy, new EnumMap<>(audits));
        }
    }

    /** Human label of a relation or action constant: {@code ASSIGNED_COACH} → {@code assigned-coach}. */
    public static String label(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
