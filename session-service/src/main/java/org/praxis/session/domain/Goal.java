package org.praxis.session.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.praxis.platform.crypto.EncryptedText;

/**
 * A goal of the engagement with the typology the framework uses (competence area 4): proximal or
 * distal, performance or learning, approach or avoidance, and whether it is self-concordant.
 */
@Entity
public class Goal {
    public static final String OPEN = "open";

    @Id
    public UUID id;
    public String tenantId;
    public UUID engagementId;
    @Convert(converter = EncryptedText.class)
    public String title;
    public String horizon;
    public String orientation;
    public String direction;
    public boolean selfConcordant;
    public String status;
    public Instant createdAt;
    @Version
    @Column(nullable = false)
    public long version;
}
