package org.praxis.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** A step of the development plan, for one competence with a gap, due by a date. */
@Entity
public class DevelopmentAction {
    private static final SealedColumn ACTION = SealedColumn.of("development_action", "action");

    @Id
    public UUID id;

    public String tenantId;
    public String practitionerId;
    public String competenceCode;
    /** Sealed to this row: read and write it through {@link #action()} and {@link #action(String)}. */
    String action;

    public LocalDate dueOn;
    public Instant doneAt;
    public String createdBy;
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** Still open after the day it was due. */
    public boolean isOverdueOn(LocalDate day) {
        return doneAt == null && dueOn.isBefore(day);
    }

    public String action() {
        return ACTION.open(tenantId, id, action);
    }

    /** Seals {@code plaintext} to this row: set {@code id} and {@code tenantId} first. */
    public void action(String plaintext) {
        action = ACTION.seal(tenantId, id, plaintext);
    }
}
