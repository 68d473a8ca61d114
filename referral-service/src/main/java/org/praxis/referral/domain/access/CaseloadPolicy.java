package org.praxis.referral.domain.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.referral.domain.KnownEngagement;

/**
 * Whom a practitioner may name in a referral or a self-help offer (issue 16, hole 3): a coach their
 * own clients and engagements, a supervisor also those of the practitioners they supervise. Clients
 * and engagements are known from session-service's {@code engagement.status-changed} events,
 * supervision from assessment-service's {@code practitioner.supervisor-changed}; an engagement not
 * (yet) known here cannot be named. Drafts the system opens from risk events are not restricted.
 */
public final class CaseloadPolicy {
    private final Caller caller;
    private final Set<String> supervisees;

    public CaseloadPolicy(Caller caller, Set<String> supervisees) {
        this.caller = caller;
        this.supervisees = Set.copyOf(supervisees);
    }

    /** The practitioners whose clients and engagements the caller may name: themselves, and their supervisees if a supervisor. */
    public Set<String> reach() {
        Set<String> reach = new LinkedHashSet<>();
        if (caller.hasAnyRole(Roles.COACH, Roles.SUPERVISOR) && caller.subject() != null) {
            reach.add(caller.subject());
        }
        if (caller.hasRole(Roles.SUPERVISOR)) {
            reach.addAll(supervisees);
        }
        return reach;
    }

    /**
     * Whose engagements and clients may go with a referral that {@code named} is responsible for: the
     * caller's whole reach when the caller is responsible, else only the named practitioner's own — a
     * supervisor may not put one supervisee in charge of another's client.
     */
    public Set<String> owners(String named) {
        String responsible = responsible(named);
        return responsible != null && responsible.equals(caller.subject()) ? reach() : Set.of(responsible);
    }

    /** The practitioner responsible: the one named (if the caller may name them), else the caller. */
    public String responsible(String named) {
        return named == null ? caller.subject() : named;
    }

    /**
     * What is wrong with naming these: the practitioner responsible, the engagement (null when none
     * is named; {@code engagement} is what is known of {@code engagementId}, null when unknown) and
     * the client, who must be a client of an engagement of the {@link #owners} ({@code clientInReach}).
     */
    public List<Violation> violations(
            String practitioner,
            String engagementId,
            KnownEngagement engagement,
            String client,
            boolean clientInReach) {
        List<Violation> errors = new ArrayList<>();
        Set<String> reach = reach();
        Set<String> owners = owners(practitioner);
        if (practitioner != null && !reach.contains(practitioner)) {
            errors.add(new Violation(
                    "practitionerId",
                    caller.hasRole(Roles.SUPERVISOR)
                            ? "must be you or a practitioner you supervise"
                            : "must be you or empty"));
        }
        if (engagementId != null) {
            if (engagement == null || !reach.contains(engagement.practitionerId())) {
                errors.add(new Violation(
                        "engagementId",
                        "is not an engagement of yours or of a practitioner you supervise (or is not known here yet)"));
            } else if (!owners.contains(engagement.practitionerId())) {
                errors.add(new Violation("engagementId", "is not an engagement of the practitioner responsible"));
            } else if (client != null && !client.equals(engagement.clientSubject())) {
                errors.add(new Violation("clientSubject", "is not the client of the engagement"));
            }
        }
        if (client != null
                && !clientInReach
                && errors.stream().noneMatch(e -> e.field().equals("clientSubject"))) {
            errors.add(new Violation(
                    "clientSubject",
                    "is not a client of yours or of a practitioner you supervise (no engagement known here)"));
        }
        return errors;
    }
}
