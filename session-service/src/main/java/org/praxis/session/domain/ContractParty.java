package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A party to one contract version and whether they have accepted it. */
@Entity
public class ContractParty {
    public static final String CLIENT = "client";
    public static final String COACH = "coach";
    public static final String SPONSOR = "sponsor";
    public static final String OTHER = "other";
    /** The therapist of coaching beside therapy (issue 22): a party who may read and accept, never required. */
    public static final String THERAPIST = "therapist";

    public static final List<String> ROLES = List.of(CLIENT, COACH, SPONSOR, OTHER, THERAPIST);

    @Id
    public UUID id;

    public String tenantId;
    public UUID contractId;
    public String role;
    public String subject;
    public boolean required;
    public Instant acceptedAt;
}
