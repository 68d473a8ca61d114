package org.praxis.intake.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An instrument sent to the client to fill in; done when a screening of it arrives. One from a monitoring
 * measure of session-service names its engagement and measure (one assignment per measure).
 */
@Entity
public class Assignment {
    public static final String OPEN = "open";
    public static final String COMPLETED = "completed";
    /** A monitoring measure's, whose engagement closed before it was done: the client is no longer asked. */
    public static final String WITHDRAWN = "withdrawn";

    public static final List<String> STATUSES = List.of(OPEN, COMPLETED, WITHDRAWN);
    /** Open and due before today (UTC): a filter of the practitioners' list, not a status of its own. */
    public static final String OVERDUE = "overdue";

    public static final List<String> LIST_FILTERS = List.of(OPEN, COMPLETED, WITHDRAWN, OVERDUE);
    /** {@link #LIST_FILTERS} as a pattern, for bean validation. */
    public static final String LIST_FILTER_PATTERN = OPEN + "|" + COMPLETED + "|" + WITHDRAWN + "|" + OVERDUE;

    @Id
    public UUID id;

    public String tenantId;
    public UUID intakeId;
    public String clientSubject;
    public String instrumentCode;
    public LocalDate dueDate;
    public String status;
    public UUID screeningId;
    public String createdBy;
    public UUID engagementId;
    public UUID measureId;
    public Instant createdAt;
}
