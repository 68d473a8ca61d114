package org.praxis.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A service an organisation runs, which a coach may refer to or offer as self-help (HSDS service). */
@Entity
public class DirectoryService {
    @Id
    public UUID id;

    public String tenantId;
    public UUID organisationId;
    public String name;
    public String description;
    public String kind;
    public String eligibility;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> areasServed;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages;

    public String email;
    public String phone;
    public String website;
    public String howToRefer;
    public String practitionerName;
    public String professionalRegistration;
    public boolean acceptingReferrals;
    public String createdBy;
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** Who a referral to this service goes to and how it reaches them: what consent and approval are given for. */
    public List<Object> recipient() {
        return Arrays.asList(
                organisationId, name, kind, email, phone, howToRefer, practitionerName, professionalRegistration);
    }

    /** How a referral names this service as its recipient: with its organisation, when it has one. */
    public String named(DirectoryOrganisation organisation) {
        return organisation == null ? name : name + " (" + organisation.name + ")";
    }
}
