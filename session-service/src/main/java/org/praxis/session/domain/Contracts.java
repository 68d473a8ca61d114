package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.session.domain.access.ContractPolicy;
import org.praxis.session.domain.access.EngagementPolicy;
import org.praxis.session.domain.events.SessionEvents;

/**
 * Contract versions of an engagement and their acceptance. The engagement becomes active when every
 * required party has accepted the latest version; a new version needs acceptance again.
 */
@ApplicationScoped
public class Contracts {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    Engagements engagements;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    @Inject
    ReviewCalendar calendar;

    @Inject
    MonitoringMeasures monitoring;

    @Inject
    ContractAcceptance acceptance;

    public record Terms(
            String purpose,
            String goalsInScope,
            String confidentialityTerms,
            String limitsOfConfidentiality,
            Integer reviewEveryWeeks,
            Integer sessionsPrepaid,
            DisclosureTerms disclosure,
            List<ContractRules.Party> parties,
            BesideTherapy besideTherapy,
            String packageChange,
            Money pricePerSession,
            Money lateCancellationFee,
            Integer lateCancellationHours) {}

    public record Version(Contract contract, List<ContractParty> parties) {
        public boolean inForce() {
            return ContractRules.inForce(parties);
        }
    }

    @Transactional
    public Version propose(UUID engagementId, Terms terms) {
        Engagement e = engagements.readable(engagementId);
        Contract candidate = new Contract();
        candidate.tenantId = e.tenantId;
        candidate.engagementId = e.id;
        ContractPolicy policy = policies.contracts();
        if (!policy.can(policies.caller(), ContractPolicy.Action.PROPOSE, candidate)) {
            throw ProblemException.forbidden(
                    "Only the engagement's practitioner or their supervisor proposes its contract.");
        }
        if (EngagementLifecycle.CLOSED.equals(e.status)) {
            throw ProblemException.conflict("The engagement is closed.");
        }
        Violation.refuseAny(
                "The contract's parties are incomplete", ContractPolicy.namingViolations(e, terms.parties()));
        Violation.refuseAny("The contract's package or payment terms are incomplete", SessionPackage.violations(terms));
        EngagementLimits.requireRoom(em, e, Contract.class, EngagementLimits.CONTRACT_VERSIONS, "contract versions");
        Contract c = new Contract();
        c.id = UUID.randomUUID();
        c.tenantId = e.tenantId;
        c.engagementId = e.id;
        c.number = versions(e.id).size() + 1;
        c.purpose(terms.purpose());
        c.goalsInScope(terms.goalsInScope());
        c.confidentialityTerms(terms.confidentialityTerms());
        c.limitsOfConfidentiality(terms.limitsOfConfidentiality());
        c.reviewEveryWeeks = terms.reviewEveryWeeks();
        c.sessionsPrepaid = terms.sessionsPrepaid();
        DisclosureTerms d = terms.disclosure() == null ? DisclosureTerms.nothing() : terms.disclosure();
        c.discloseAttendance = d.attendance();
        c.discloseSessionDates = d.sessionDates();
        c.discloseSessionCounts = d.sessionCounts();
        c.discloseProgressSummaries = d.progressSummaries();
        c.discloseAggregateOutcomes = d.aggregateOutcomes();
        c.besideTherapy(terms.besideTherapy());
        SessionPackage.writeTerms(c, terms);
        c.createdBy = policies.subject();
        c.createdAt = Instant.now();
        em.persist(c);
        List<ContractParty> parties = terms.parties().stream()
                .map(p -> {
                    ContractParty party = new ContractParty();
                    party.id = UUID.randomUUID();
                    party.tenantId = c.tenantId;
                    party.contractId = c.id;
                    party.role = p.role();
                    party.subject = p.subject();
                    party.required = p.required();
                    em.persist(party);
                    return party;
                })
                .toList();
        audit.record("propose", "contract", c.id, null);
        return new Version(c, parties);
    }

    public List<Contract> versions(UUID engagementId) {
        return tenant.select(Contract.class, "e.engagementId = :e", "e.number asc", Map.of("e", engagementId))
                .getResultList();
    }

    /**
     * A page of the versions the caller may see, newest first (all of them for the engagement's people,
     * the ones naming them for a party such as the sponsor); 404 when the caller may see neither the
     * engagement nor any version.
     */
    public Page<Contract> visibleVersions(UUID engagementId, PageRequest page) {
        ContractPolicy policy = policies.contracts();
        policy.requireAllowed(policies.caller(), ContractPolicy.Action.LIST);
        Map<String, Object> params = new HashMap<>(Map.of("eng", engagementId));
        List<String> where =
                new ArrayList<>(List.of("e.engagementId = :eng", policy.listFilter(policies.caller(), params)));
        Page<Contract> visible = tenant.pageNewestFirst(Contract.class, where, params, page, "e.createdAt");
        if (visible.items().isEmpty()) {
            engagements.readable(engagementId);
        }
        return visible;
    }

    /** A version with its parties, to its engagement's people and to anyone it names; reading the terms is audited. */
    @Transactional
    public Version read(UUID engagementId, int number) {
        Version v = version(engagementId, number);
        policies.contracts().requireView(policies.caller(), v.contract(), number);
        audit.record("read", "contract", v.contract().id, null);
        return v;
    }

    private Version version(UUID engagementId, int number) {
        Contract c = tenant.select(
                        Contract.class,
                        "e.engagementId = :e and e.number = :n",
                        null,
                        Map.of("e", engagementId, "n", number))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Contract version " + number));
        return new Version(c, parties(c.id));
    }

    List<ContractParty> parties(UUID contractId) {
        return tenant.select(ContractParty.class, "e.contractId = :c", "e.role, e.subject", Map.of("c", contractId))
                .getResultList();
    }

    /** The caller accepts a version they are party to; the latest accepted by all activates the engagement. */
    @Transactional
    public Version accept(UUID engagementId, int number) {
        Engagement e = tenant.get(Engagement.class, engagementId, "Engagement");
        // Two last acceptances at once: exactly one of them brings the version into force.
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        Version v = version(engagementId, number);
        ContractPolicy policy = policies.contracts();
        policy.require(policies.caller(), ContractPolicy.Action.ACCEPT, v.contract(), number);
        ContractParty me = ContractPolicy.partyOf(policies.caller(), v.parties())
                .orElseThrow(() -> ProblemException.notFound("Engagement " + engagementId));
        if (me.acceptedAt != null) {
            return v;
        }
        acceptance.requireAcceptable(e, number, versions(engagementId).size());
        boolean wasInForce = v.inForce();
        me.acceptedAt = Instant.now();
        audit.record("accept", "contract", v.contract().id, null);
        if (v.inForce() && !wasInForce) {
            // Once, when it comes into force: a later optional party's acceptance changes nothing to announce.
            outbox.publish(new SessionEvents.ContractAccepted(e.id, number));
            SessionPackage.comeIntoForce(e, v.contract(), EngagementLifecycle.DRAFT.equals(e.status));
            if (EngagementLifecycle.DRAFT.equals(e.status)) {
                e.activatedAt = Instant.now();
                engagements.changeStatus(e, EngagementLifecycle.ACTIVE);
                monitoring.activated(e);
                ReferralEffect.atActivation(e.pathway, v.contract().runsBesideTherapy(), e.currentReferral)
                        .ifPresent(paused -> engagements.pauseForTherapy(e));
            }
            calendar.reschedule(e, v.contract().reviewEveryWeeks);
        }
        return v;
    }

    /**
     * Whether the caller reads that coaching runs beside therapy (its terms and the therapist party):
     * the engagement's client, practitioner and their supervisor, and the therapist named; a sponsor or
     * another party never learns of the client's therapy from the contract.
     */
    public boolean showsTherapy(Version v) {
        Caller caller = policies.caller();
        Engagement e = tenant.get(Engagement.class, v.contract().engagementId, "Engagement");
        return policies.engagements().can(caller, EngagementPolicy.Action.VIEW, e)
                || ContractPolicy.partyOf(caller, v.parties())
                        .filter(p -> ContractParty.THERAPIST.equals(p.role))
                        .isPresent();
    }

    /** Whether the version in force says coaching runs beside therapy (issue 22). */
    public boolean runsBesideTherapy(UUID engagementId) {
        return inForce(engagementId).map(v -> v.contract().runsBesideTherapy()).orElse(false);
    }

    /** The latest version every required party accepted: the one whose terms apply now. */
    public java.util.Optional<Version> inForce(UUID engagementId) {
        List<Contract> all = versions(engagementId);
        return java.util.stream.IntStream.iterate(all.size() - 1, i -> i >= 0, i -> i - 1)
                .mapToObj(i -> new Version(all.get(i), parties(all.get(i).id)))
                .filter(Version::inForce)
                .findFirst();
    }
}
