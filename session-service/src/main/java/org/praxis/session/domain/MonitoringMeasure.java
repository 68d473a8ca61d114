package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One instrument the client is asked to complete by a date, under the engagement's monitoring plan. */
@Entity
public class MonitoringMeasure {
    public static final String DUE = "due";
    public static final String COMPLETED = "completed";
    /** Not a stored status: a due measure whose date has passed. */
    public static final String OVERDUE = "overdue";

    public static final List<String> STATUSES = List.of(DUE, OVERDUE, COMPLETED);

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    public String instrument;
    public LocalDate dueOn;
    /** {@link #DUE} or {@link #COMPLETED}. */
    public String status;
    /** intake-service's screening that completed it. */
    public UUID screeningId;

    public Instant createdAt;
    public Instant completedAt;

    /** Overdue: not completed and due before {@code today} (the list's query says the same in JPQL). */
    public String statusOn(LocalDate today) {
        return DUE.equals(status) && dueOn.isBefore(today) ? OVERDUE : status;
    }
}
