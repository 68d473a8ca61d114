package org.praxis.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.praxis.platform.crypto.SealedColumn;

/** A practitioner's profile; {@code subject} is their OIDC subject, the id other services use. */
@Entity
public class Practitioner {
    /** The roles a profile may name, as the pattern requests are checked against (an annotation needs a constant). */
    public static final String ROLE_PATTERN = "coach|therapist|supervisor|assessor";

    public static final List<String> ROLES = List.of(ROLE_PATTERN.split("\\|"));
    private static final SealedColumn DISPLAY_NAME = SealedColumn.of("practitioner", "display_name");

    @Id
    public UUID id;

    public String tenantId;
    public String subject;
    /** Sealed to this row: read and write it through {@link #displayName()} and {@link #displayName(String)}. */
    String displayName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> roles;

    public String supervisorId;
    public String createdBy;
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    public String displayName() {
        return DISPLAY_NAME.open(tenantId, id, displayName);
    }

    /** Seals {@code plaintext} to this row: set {@code id} and {@code tenantId} first. */
    public void displayName(String plaintext) {
        displayName = DISPLAY_NAME.seal(tenantId, id, plaintext);
    }
}
