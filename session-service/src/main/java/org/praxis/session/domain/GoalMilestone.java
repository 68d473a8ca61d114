package org.praxis.session.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.praxis.platform.crypto.EncryptedText;

/** A step on the way to a goal. */
@Entity
public class GoalMilestone {
    @Id
    public UUID id;
    public String tenantId;
    public UUID goalId;
    @Convert(converter = EncryptedText.class)
    public String title;
    public LocalDate dueDate;
    public Instant reachedAt;
}
