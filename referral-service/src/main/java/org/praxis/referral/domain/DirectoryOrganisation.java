package org.praxis.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An organisation in the tenant's referral directory (HSDS organization). */
@Entity
public class DirectoryOrganisation {
    @Id
    public UUID id;

    public String tenantId;
    public String name;
    public String description;
    public String website;
    public String email;
    public String phone;
    public String createdBy;
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** Who the organisation is and how it is reached: part of the recipient of a referral to its services. */
    public List<Object> recipient() {
        return Arrays.asList(name, email, phone);
    }
}
