package org.praxis.assessment.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.praxis.platform.crypto.EncryptedText;

/** One rating of one competence, by the practitioner (self) or their supervisor (assessor). */
@Entity
public class Rating {
    public static final String SELF = "self";
    public static final String ASSESSOR = "assessor";

    @Id
    public UUID id;
    public String tenantId;
    public UUID assessmentId;
    public String competenceCode;
    public String source;
    public String level;
    @Convert(converter = EncryptedText.class)
    public String comment;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<UUID> evidenceIds;
    public String ratedBy;
    public Instant ratedAt;
}
