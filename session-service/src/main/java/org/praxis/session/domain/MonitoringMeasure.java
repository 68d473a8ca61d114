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
    /** Its engagement closed before it was completed: nobody is asked for it any more. */
    public static final String WITHDRAWN = "withdrawn";
    /** Not a stored status: a due measure whose date has passed. */
    public static final String OVERDUE = "overdue";

    public static final List<String> STATUSES = List.of(DUE, OVERDUE, COMPLETED, WITHDRAWN);
    /** {@link #STATUSES} as a pattern, for bean validation. */
    public static final String STATUS_PATTERN = DUE + "|" + OVERDUE + "|" + COMPLETED + "|" + WITHDRAWN;

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    public String instrument;
    public LocalDate dueOn;
    /** {@link #DUE}, {@link #COMPLETED} or {@link #WITHDRAWN}. */
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
