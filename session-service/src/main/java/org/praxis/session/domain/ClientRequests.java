package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.session.domain.access.ClientRequestPolicy;

/**
 * The client asks to pause or end their engagement, or for another coach; a supervisor of its practitioner
 * grants or declines. Granting a pause pauses the engagement through its lifecycle; granting an end marks
 * it as ending at the client's request (the practitioner's end review closes it, as always); granting a
 * change of coach offers the engagement to the coach the supervisor names ({@link Handovers}).
 */
@ApplicationScoped
public class ClientRequests {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    Engagements engagements;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    @Inject
    Handovers handovers;

    public record Decision(String decision, String note, String newCoach) {}

    @Transactional
    public ClientRequest make(UUID engagementId, String kind, String reason, String preferredCoach) {
        Engagement e = engagements.readable(engagementId);
        ClientRequest r = new ClientRequest();
        r.engagementId = e.id;
        r.kind = kind;
        policies.clientRequests().require(policies.caller(), ClientRequestPolicy.Action.MAKE, r, engagementId);
        if (!ClientRequest.CHANGE_COACH.equals(kind) && preferredCoach != null) {
            throw ProblemException.unprocessable(
                    "Only a request for another coach names a coach",
                    List.of(new Violation("preferredCoach", "must be empty unless kind is change-coach")));
        }
        if (!EngagementLifecycle.ACTIVE.equals(e.status) && !EngagementLifecycle.PAUSED.equals(e.status)) {
            throw ProblemException.conflict(
                    "Requests are made about an active or paused engagement; this one is " + e.status + ".");
        }
        if (openOf(e.id, kind) != null) {
            throw ProblemException.conflict("A " + kind + " request of this engagement is open already.");
        }
        EngagementLimits.requireRoom(em, e, ClientRequest.class, EngagementLimits.CLIENT_REQUESTS, "client requests");
        r.id = UUID.randomUUID();
        r.tenantId = e.tenantId;
        r.reason(reason);
        r.preferredCoach = preferredCoach;
        r.status = ClientRequest.OPEN;
        r.requestedBy = policies.subject();
        r.requestedAt = Instant.now();
        em.persist(r);
        audit.record("request-" + kind, "client-request", r.id, "engagement " + e.id);
        return r;
    }

    public ClientRequest read(UUID engagementId, UUID requestId) {
        engagements.readable(engagementId);
        return policies.clientRequests().requireView(policies.caller(), request(engagementId, requestId), requestId);
    }

    /**
     * The requests the caller may see, newest first, in {@code status} if given: the client's own, the
     * practitioner's engagements' pauses and ends, a supervisor's queue of their supervisees' requests.
     */
    public Page<ClientRequest> list(String status, PageRequest page) {
        Caller caller = policies.caller();
        ClientRequestPolicy policy = policies.clientRequests();
        policy.requireAllowed(caller, ClientRequestPolicy.Action.LIST);
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of(policy.listFilter(caller, params)));
        if (status != null) {
            where.add("e.status = :status");
            params.put("status", status);
        }
        return tenant.pageNewestFirst(ClientRequest.class, where, params, page, "e.requestedAt");
    }

    @Transactional
    public ClientRequest decide(UUID engagementId, UUID requestId, Decision d, String ifMatch) {
        Engagement e = engagements.readable(engagementId);
        ClientRequest r = policies.clientRequests()
                .require(
                        policies.caller(),
                        ClientRequestPolicy.Action.DECIDE,
                        request(engagementId, requestId),
                        requestId);
        boolean grant = ClientRequest.GRANTED.equals(d.decision());
        boolean handover = grant && ClientRequest.CHANGE_COACH.equals(r.kind);
        if (handover == (d.newCoach() == null)) {
            throw ProblemException.unprocessable(
                    "A granted request for another coach names the new coach, and nothing else does",
                    List.of(new Violation("newCoach", handover ? "must be given" : "must be empty")));
        }
        if (handover && (d.newCoach().equals(e.practitionerId) || d.newCoach().equals(e.clientSubject))) {
            throw ProblemException.unprocessable(
                    "The new coach is someone else",
                    List.of(new Violation("newCoach", "must be neither the current practitioner nor the client")));
        }
        ETags.requireMatch(ifMatch, r.version);
        if (!ClientRequest.OPEN.equals(r.status)) {
            throw ProblemException.conflict("This request is " + r.status + " already.");
        }
        r.decisionNote(d.note());
        if (grant) {
            carryOut(e, r, d.newCoach());
        }
        r.status = d.decision();
        r.decidedBy = policies.subject();
        r.decidedAt = Instant.now();
        audit.record(d.decision(), "client-request", r.id, r.kind);
        return r;
    }

    private void carryOut(Engagement e, ClientRequest r, String newCoach) {
        switch (r.kind) {
            case ClientRequest.PAUSE -> {
                EngagementLifecycle.requireMove(e.status, EngagementLifecycle.PAUSED);
                engagements.changeStatus(e, EngagementLifecycle.PAUSED);
            }
            case ClientRequest.END -> {
                if (!EngagementLifecycle.isOpen(e.status)) {
                    throw ProblemException.conflict("The engagement is " + e.status + " already.");
                }
                e.endRequestedAt = Instant.now();
                audit.record("end-requested", "engagement", e.id, "client request " + r.id);
            }
            default -> {
                r.newCoach = newCoach;
                // Without the decision note: it is written to the client, and a handover note is read by the
                // coach being left, who never learns the client's request.
                handovers.forClientRequest(e, newCoach, r.id);
            }
        }
    }

    private ClientRequest openOf(UUID engagementId, String kind) {
        return tenant.select(
                        ClientRequest.class,
                        "e.engagementId = :e and e.kind = :k and e.status = :open",
                        null,
                        Map.of("e", engagementId, "k", kind, "open", ClientRequest.OPEN))
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private ClientRequest request(UUID engagementId, UUID requestId) {
        ClientRequest r = tenant.get(ClientRequest.class, requestId, "Client request");
        if (!r.engagementId.equals(engagementId)) {
            throw ProblemException.notFound("Client request " + requestId);
        }
        return r;
    }
}
