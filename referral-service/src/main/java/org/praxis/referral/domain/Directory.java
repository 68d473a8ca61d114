package org.praxis.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.referral.domain.access.DirectoryPolicy;

/** The tenant's referral directory: admins curate organisations and services, practitioners search it. */
@ApplicationScoped
public class Directory {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    @Inject
    AgreedTerms agreedTerms;

    public record OrganisationDetails(String name, String description, String website, String email, String phone) {}

    public record ServiceDetails(
            UUID organisationId,
            String name,
            String description,
            String kind,
            String eligibility,
            List<String> areasServed,
            List<String> languages,
            String email,
            String phone,
            String website,
            String howToRefer,
            String practitionerName,
            String professionalRegistration,
            boolean acceptingReferrals) {}

    public record Search(String kind, String text, String area, String language, Boolean accepting) {}

    @Transactional
    public DirectoryOrganisation addOrganisation(OrganisationDetails details) {
        allowed(DirectoryPolicy.Action.CREATE);
        DirectoryOrganisation o = new DirectoryOrganisation();
        o.id = UUID.randomUUID();
        o.tenantId = callerContext.tenantId();
        o.createdBy = callerContext.subject();
        o.createdAt = Instant.now();
        apply(o, details);
        em.persist(o);
        audit.record("create", "directory-organisation", o.id, null);
        return o;
    }

    @Transactional
    public DirectoryOrganisation replaceOrganisation(UUID id, String ifMatch, OrganisationDetails details) {
        allowed(DirectoryPolicy.Action.REPLACE);
        DirectoryOrganisation o = organisation(id);
        ETags.requireMatch(ifMatch, o.version);
        List<Object> recipient = o.recipient();
        apply(o, details);
        if (!recipient.equals(o.recipient())) {
            List<UUID> services = tenant.select(
                            DirectoryService.class, "e.organisationId = :o", null, Map.of("o", o.id))
                    .getResultStream()
                    .map(s -> s.id)
                    .toList();
            agreedTerms.recipientChanged(services, "organisation " + o.id + " changed its name or contact details");
        }
        em.flush();
        audit.record("replace", "directory-organisation", o.id, null);
        return o;
    }

    public DirectoryOrganisation organisation(UUID id) {
        allowed(DirectoryPolicy.Action.VIEW);
        return tenant.get(DirectoryOrganisation.class, id, "Organisation");
    }

    public Page<DirectoryOrganisation> organisations(PageRequest page, String text) {
        allowed(DirectoryPolicy.Action.LIST);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (text != null && !text.isBlank()) {
            where.add("lower(e.name) like :q escape '\\'");
            params.put("q", containing(text));
        }
        return tenant.pageNewestFirst(DirectoryOrganisation.class, where, params, page, "e.createdAt");
    }

    @Transactional
    public DirectoryService addService(ServiceDetails details) {
        allowed(DirectoryPolicy.Action.CREATE);
        DirectoryService s = new DirectoryService();
        s.id = UUID.randomUUID();
        s.tenantId = callerContext.tenantId();
        s.createdBy = callerContext.subject();
        s.createdAt = Instant.now();
        apply(s, details);
        em.persist(s);
        audit.record("create", "directory-service", s.id, null);
        return s;
    }

    @Transactional
    public DirectoryService replaceService(UUID id, String ifMatch, ServiceDetails details) {
        allowed(DirectoryPolicy.Action.REPLACE);
        DirectoryService s = service(id);
        ETags.requireMatch(ifMatch, s.version);
        List<Object> recipient = s.recipient();
        apply(s, details);
        if (!recipient.equals(s.recipient())) {
            agreedTerms.recipientChanged(
                    List.of(s.id), "service " + s.id + " changed who it is or how a referral reaches it");
        }
        em.flush();
        audit.record("replace", "directory-service", s.id, null);
        return s;
    }

    public DirectoryService service(UUID id) {
        allowed(DirectoryPolicy.Action.VIEW);
        return tenant.get(DirectoryService.class, id, "Service");
    }

    public Page<DirectoryService> services(PageRequest page, Search search) {
        allowed(DirectoryPolicy.Action.LIST);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (search.kind() != null) {
            where.add("e.kind = :kind");
            params.put("kind", search.kind());
        }
        if (search.text() != null && !search.text().isBlank()) {
            where.add("(lower(e.name) like :q escape '\\' or lower(coalesce(e.description, '')) like :q escape '\\'"
                    + " or lower(coalesce(e.practitionerName, '')) like :q escape '\\')");
            params.put("q", containing(search.text()));
        }
        if (search.area() != null && !search.area().isBlank()) {
            where.add("array_contains(e.areasServed, :area)");
            params.put("area", normalise(search.area()));
        }
        if (search.language() != null && !search.language().isBlank()) {
            where.add("array_contains(e.languages, :language)");
            params.put("language", normalise(search.language()));
        }
        if (search.accepting() != null) {
            where.add("e.acceptingReferrals = :accepting");
            params.put("accepting", search.accepting());
        }
        return tenant.pageNewestFirst(DirectoryService.class, where, params, page, "e.createdAt");
    }

    private static void apply(DirectoryOrganisation o, OrganisationDetails d) {
        o.name = d.name();
        o.description = d.description();
        o.website = d.website();
        o.email = d.email();
        o.phone = d.phone();
    }

    private void apply(DirectoryService s, ServiceDetails d) {
        if (!ServiceKinds.ALL.contains(d.kind())) {
            throw ProblemException.unprocessable(
                    "Not a kind of service this directory knows",
                    List.of(new Violation("kind", "must be one of " + String.join(", ", ServiceKinds.ALL))));
        }
        if (tenant.find(DirectoryOrganisation.class, d.organisationId()).isEmpty()) {
            throw ProblemException.unprocessable(
                    "No such organisation in your directory",
                    List.of(new Violation("organisationId", "is not an organisation in your directory")));
        }
        s.organisationId = d.organisationId();
        s.name = d.name();
        s.description = d.description();
        s.kind = d.kind();
        s.eligibility = d.eligibility();
        s.areasServed = normalised(d.areasServed());
        s.languages = normalised(d.languages());
        s.email = d.email();
        s.phone = d.phone();
        s.website = d.website();
        s.howToRefer = d.howToRefer();
        s.practitionerName = d.practitionerName();
        s.professionalRegistration = d.professionalRegistration();
        s.acceptingReferrals = d.acceptingReferrals();
    }

    private static List<String> normalised(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(Directory::normalise)
                        .distinct()
                        .toList();
    }

    private static String normalise(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static String containing(String text) {
        return "%" + normalise(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The tenant is enforced by every query; the policy says which roles reach the directory at all. */
    private void allowed(DirectoryPolicy.Action action) {
        if (callerContext.caller().system()) {
            return; // the service itself, e.g. checking a referral's service while applying an event
        }
        new DirectoryPolicy().requireAllowed(callerContext.caller(), action);
    }
}
