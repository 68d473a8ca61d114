package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;
import org.praxis.session.domain.access.ActionItemPolicy;
import org.praxis.session.domain.access.ChargePolicy;
import org.praxis.session.domain.access.ClientRequestPolicy;
import org.praxis.session.domain.access.ContractPolicy;
import org.praxis.session.domain.access.EngagementPolicy;
import org.praxis.session.domain.access.EngagementRelations;
import org.praxis.session.domain.access.FeedbackPolicy;
import org.praxis.session.domain.access.FeedbackTrendPolicy;
import org.praxis.session.domain.access.GoalPolicy;
import org.praxis.session.domain.access.HandoverPolicy;
import org.praxis.session.domain.access.MonitoringMeasurePolicy;
import org.praxis.session.domain.access.MonitoringPlanPolicy;
import org.praxis.session.domain.access.NotePolicy;
import org.praxis.session.domain.access.OrganisationReportPolicy;
import org.praxis.session.domain.access.OutcomePolicy;
import org.praxis.session.domain.access.ProgressSummaryPolicy;
import org.praxis.session.domain.access.ReviewPolicy;
import org.praxis.session.domain.access.RiskConcernPolicy;
import org.praxis.session.domain.access.SessionPolicy;
import org.praxis.session.domain.access.SponsorReportPolicy;

/**
 * Builds the access policies for the signed-in caller with the context they need (whom the caller
 * supervises, which contract versions name them). It loads facts; it decides nothing.
 */
@ApplicationScoped
public class Policies {
    @Inject
    CallerContext callerContext;

    @Inject
    SupervisionRegister supervision;

    @Inject
    TenantQueries tenant;

    @Inject
    EntityManager em;

    @Inject
    ContractsInForce contractsInForce;

    public Caller caller() {
        return callerContext.caller();
    }

    /** The caller's subject, to stamp who did something (createdBy, author...); never to compare. */
    public String subject() {
        return callerContext.subject();
    }

    public EngagementRelations relations() {
        Caller caller = caller();
        Set<String> supervisees = new HashSet<>(supervision.supervisees(caller.tenantId(), caller.subject()));
        // Loaded once per policy: checking a page of an engagement's items in memory asks for the same engagement each
        // time.
        Map<UUID, Engagement> loaded = new HashMap<>();
        return new EngagementRelations(
                supervisees,
                id -> id == null
                        ? null
                        : loaded.computeIfAbsent(
                                id, key -> tenant.find(Engagement.class, key).orElse(null)));
    }

    public EngagementPolicy engagements() {
        return new EngagementPolicy(relations());
    }

    public ContractPolicy contracts() {
        return new ContractPolicy(relations(), contractsNaming(null));
    }

    public SponsorReportPolicy sponsorReports() {
        return new SponsorReportPolicy(relations(), contractsNaming(ContractParty.SPONSOR));
    }

    public OrganisationReportPolicy organisationReports() {
        return new OrganisationReportPolicy(organisationsSponsored());
    }

    public SessionPolicy sessions() {
        return new SessionPolicy(relations());
    }

    public ChargePolicy charges() {
        return new ChargePolicy(relations());
    }

    public NotePolicy notes() {
        return new NotePolicy(relations());
    }

    public RiskConcernPolicy riskConcerns() {
        return new RiskConcernPolicy(relations());
    }

    public ClientRequestPolicy clientRequests() {
        return new ClientRequestPolicy(relations());
    }

    public HandoverPolicy handovers() {
        return new HandoverPolicy(relations());
    }

    public GoalPolicy goals() {
        return new GoalPolicy(relations());
    }

    public ActionItemPolicy actions() {
        return new ActionItemPolicy(relations());
    }

    public ProgressSummaryPolicy progressSummaries() {
        return new ProgressSummaryPolicy(relations());
    }

    public ReviewPolicy reviews() {
        return new ReviewPolicy(relations());
    }

    public OutcomePolicy outcomes() {
        return new OutcomePolicy(relations());
    }

    public FeedbackPolicy feedback() {
        return new FeedbackPolicy(relations());
    }

    public FeedbackTrendPolicy feedbackTrends() {
        Caller caller = caller();
        return new FeedbackTrendPolicy(Set.copyOf(supervision.supervisees(caller.tenantId(), caller.subject())));
    }

    public MonitoringPlanPolicy monitoringPlans() {
        return new MonitoringPlanPolicy(relations());
    }

    public MonitoringMeasurePolicy monitoringMeasures() {
        return new MonitoringMeasurePolicy(relations());
    }

    /**
     * The sponsor organisations of the engagements whose contract in force names the caller as its sponsor party:
     * a sponsor replaced by a later version, or named only in one that never came into force, reads no report.
     */
    private Set<String> organisationsSponsored() {
        Set<UUID> contracts = contractsNaming(ContractParty.SPONSOR);
        if (contracts.isEmpty()) {
            return Set.of();
        }
        List<UUID> engagements = em.createQuery(
                        "select distinct c.engagementId from Contract c where c.tenantId = :t and c.id in :contracts",
                        UUID.class)
                .setParameter("t", caller().tenantId())
                .setParameter("contracts", contracts)
                .getResultList();
        List<UUID> sponsoring = contractsInForce.of(engagements).values().stream()
                .filter(c -> contracts.contains(c.id))
                .map(c -> c.engagementId)
                .toList();
        if (sponsoring.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(
                        "select distinct e.sponsorOrganisation from Engagement e where e.tenantId = :t"
                                + " and e.id in :engagements and e.sponsorOrganisation is not null",
                        String.class)
                .setParameter("t", caller().tenantId())
                .setParameter("engagements", sponsoring)
                .getResultList());
    }

    /**
     * The contract versions of the caller's tenant that name the caller as a party (in {@code role}, or
     * any). A sponsor or other party reaches a version only once its client accepted it: the client
     * decides who reads the terms of their coaching, and nobody reads them first.
     */
    private Set<UUID> contractsNaming(String role) {
        Caller caller = caller();
        var q = em.createQuery(
                        "select p.contractId from ContractParty p where p.tenantId = :t and p.subject = :s"
                                + (role == null ? "" : " and p.role = :role")
                                + " and (p.role in ('client', 'coach') or exists (select c.id from ContractParty c where c.tenantId = p.tenantId"
                                + " and c.contractId = p.contractId and c.role = 'client' and c.acceptedAt is not null))",
                        UUID.class)
                .setParameter("t", caller.tenantId())
                .setParameter("s", caller.subject());
        if (role != null) {
            q.setParameter("role", role);
        }
        return new HashSet<>(q.getResultList());
    }
}
