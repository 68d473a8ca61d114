package org.praxis.intake.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.praxis.intake.domain.Assignment;
import org.praxis.intake.domain.Decision;
import org.praxis.intake.domain.Intake;
import org.praxis.intake.domain.RiskFlag;
import org.praxis.intake.domain.RiskFlagLifecycle;
import org.praxis.intake.domain.Screening;
import org.praxis.intake.domain.access.IntakeRelations;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * A population covering every relation a caller can have to intake's aggregates, in two tenants:
 * the client's own intake (assigned, and waiting), intakes assigned to coach A, to coach B, waiting
 * ones (open, unassigned), an unassigned decided one, one paid by the sponsor's organisation, and the
 * same shapes in another tenant. Subjects are the same in both tenants, so only tenant separation
 * keeps the other tenant's rows out.
 */
final class Fixtures {
    static final String CLIENT = "fx-client";
    static final String OTHER_CLIENT = "fx-other-client";
    static final String COACH_A = "fx-coach-a";
    static final String COACH_B = "fx-coach-b";
    static final String SUPERVISOR = "fx-supervisor";
    static final String SPONSOR = "fx-sponsor";
    static final String ADMIN = "fx-admin";
    static final String SPONSOR_ORG = "fx-sponsor-org";

    final String tenant;
    final String otherTenant;
    final List<Intake> intakes = new ArrayList<>();
    final List<Screening> screenings = new ArrayList<>();
    final List<RiskFlag> flags = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    final List<Assignment> assignments = new ArrayList<>();

    Fixtures(String tenant, String otherTenant) {
        this.tenant = tenant;
        this.otherTenant = otherTenant;
        for (String t : List.of(tenant, otherTenant)) {
            add(t, "own, assigned to A", CLIENT, COACH_A, Intake.OPEN, null);
            add(t, "own, waiting", CLIENT, null, Intake.OPEN, null);
            add(t, "assigned to A", OTHER_CLIENT, COACH_A, Intake.OPEN, null);
            add(t, "assigned to B (another coach's)", OTHER_CLIENT, COACH_B, Intake.OPEN, null);
            add(t, "waiting, no account", null, null, Intake.OPEN, null);
            add(t, "unassigned, decided", OTHER_CLIENT, null, Intake.DECIDED, null);
            add(t, "sponsor party, assigned to B", OTHER_CLIENT, COACH_B, Intake.OPEN, SPONSOR_ORG);
            add(t, "sponsor party, waiting", OTHER_CLIENT, null, Intake.OPEN, SPONSOR_ORG);
        }
    }

    private void add(String t, String name, String client, String coach, String status, String sponsorOrg) {
        Intake i = new Intake();
        i.id = UUID.randomUUID();
        i.tenantId = t;
        i.clientSubject = client;
        i.assignedCoach = coach;
        i.status = status;
        i.displayName(name);
        i.sponsorOrganisation = sponsorOrg;
        i.createdBy = "fixture";
        i.createdAt = Instant.now();
        intakes.add(i);

        Screening s = new Screening();
        s.id = UUID.randomUUID();
        s.tenantId = t;
        s.intakeId = i.id;
        s.instrumentCode = "PHQ-9";
        s.instrumentVersion = 1;
        s.scoringVersion = "fixture";
        s.answers("{}");
        s.total = 3;
        s.severity = "minimal";
        s.submittedBy = "fixture";
        s.scoredAt = Instant.now();
        screenings.add(s);

        RiskFlag f = new RiskFlag();
        f.id = UUID.randomUUID();
        f.tenantId = t;
        f.intakeId = i.id;
        f.code = "fixture";
        f.level = "elevated";
        f.source = "manual";
        // Every other flag closed: the risk queue holds only the open ones.
        f.status = flags.size() % 2 == 0 ? RiskFlagLifecycle.RAISED : RiskFlagLifecycle.CLOSED;
        f.raisedBy = "fixture";
        f.raisedAt = Instant.now();
        flags.add(f);

        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.tenantId = t;
        d.intakeId = i.id;
        d.pathway = "coaching";
        d.recommendedPathway = "coaching";
        // Each practitioner shape: the assigned coach, another coach, nobody.
        d.practitionerId = List.of(COACH_A, COACH_B, "").get(decisions.size() % 3);
        if (d.practitionerId.isEmpty()) {
            d.practitionerId = null;
        }
        d.decidedBy = "fixture";
        d.decidedAt = Instant.now();
        decisions.add(d);

        if (client != null) {
            Assignment a = new Assignment();
            a.id = UUID.randomUUID();
            a.tenantId = t;
            a.intakeId = i.id;
            a.clientSubject = client;
            a.instrumentCode = "GAD-7";
            a.dueDate = LocalDate.of(2030, 1, 1);
            a.status = Assignment.OPEN;
            a.createdBy = "fixture";
            a.createdAt = Instant.now();
            assignments.add(a);
        }
    }

    /** The supervisor supervises coach A, not coach B. */
    IntakeRelations relations() {
        return new IntakeRelations(
                this::intake, caller -> caller.subject().equals(SUPERVISOR) ? Set.of(COACH_A) : Set.of());
    }

    Intake intake(UUID id) {
        return intakes.stream().filter(i -> i.id.equals(id)).findFirst().orElse(null);
    }

    /** Every caller shape of the tenant, and a supervisor of the other tenant. */
    List<Caller> callers() {
        return List.of(
                new Caller(CLIENT, tenant, Set.of(Roles.CLIENT), false),
                new Caller(OTHER_CLIENT, tenant, Set.of(Roles.CLIENT), false),
                new Caller(COACH_A, tenant, Set.of(Roles.COACH), false),
                new Caller(COACH_B, tenant, Set.of(Roles.COACH), false),
                new Caller(SUPERVISOR, tenant, Set.of(Roles.SUPERVISOR), false),
                new Caller(SPONSOR, tenant, Set.of(Roles.SPONSOR), false),
                new Caller(ADMIN, tenant, Set.of(Roles.ADMIN), false),
                new Caller(COACH_A, tenant, Set.of(Roles.COACH, Roles.CLIENT), false));
    }
}
