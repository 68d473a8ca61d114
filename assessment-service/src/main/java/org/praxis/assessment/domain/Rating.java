package org.praxis.assessment.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.praxis.platform.crypto.SealedColumn;

/** One rating of one competence, by the practitioner (self) or their supervisor (assessor). */
@Entity
public class Rating {
    public static final String SELF = "self";
    public static final String ASSESSOR = "assessor";
    public static final List<String> SOURCES = List.of(SELF, ASSESSOR);

    private static final SealedColumn COMMENT = SealedColumn.of("rating", "comment");

    @Id
    public UUID id;

    public String tenantId;
    public UUID assessmentId;
    public String competenceCode;
    public String source;
    public String level;
    /** Sealed to this row: read and write it through {@link #comment()} and {@link #comment(String)}. */
    String comment;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<UUID> evidenceIds;

    public String ratedBy;
    public Instant ratedAt;

    public String comment() {
        return COMMENT.open(tenantId, id, comment);
    }

    /** Seals {@code plaintext} to this row: set {@code id} and {@code tenantId} first. */
    public void comment(String plaintext) {
        comment = COMMENT.seal(tenantId, id, plaintext);
    }
}
