package org.praxis.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An entity that exists only in the platform's tests, to page through as a service's lists do. */
@Entity
@Table(name = "gizmo")
public class Gizmo {
    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "made_at")
    public Instant madeAt;

    @Column(name = "due_on")
    public LocalDate dueOn;
}
