package org.praxis.assessment.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.praxis.platform.crypto.EncryptedText;

/** A practitioner's profile; {@code subject} is their OIDC subject, the id other services use. */
@Entity
public class Practitioner {
    @Id
    public UUID id;
    public String tenantId;
    public String subject;
    @Convert(converter = EncryptedText.class)
    public String displayName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> roles;
    public String supervisorId;
    public String createdBy;
    public Instant createdAt;
    @Version
    @Column(nullable = false)
    public long version;
}
