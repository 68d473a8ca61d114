package org.praxis.session.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.praxis.platform.crypto.EncryptedText;

/** Homework between sessions, on the client's to-do list. */
@Entity
public class ActionItem {
    @Id
    public UUID id;
    public String tenantId;
    public UUID engagementId;
    public UUID goalId;
    @Convert(converter = EncryptedText.class)
    public String title;
    public LocalDate dueDate;
    public boolean done;
    public Instant doneAt;
    public Instant createdAt;
    @Version
    @Column(nullable = false)
    public long version;
}
