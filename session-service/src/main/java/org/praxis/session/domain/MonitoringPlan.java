package org.praxis.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What an engagement on a monitoring pathway measures, how often and until when. */
@Entity
public class MonitoringPlan {
    /** The pathways whose engagements are monitored. */
    public static final List<String> PATHWAYS = List.of("coaching-with-monitoring", "integrated");

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> instruments;

    public Integer everySessions;
    public Integer everyWeeks;
    /** The last day a measure may fall due; null: until the engagement ends. */
    public LocalDate untilDate;

    public String updatedBy;
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public MonitoringSchedule schedule() {
        return new MonitoringSchedule(instruments, everySessions, everyWeeks);
    }

    void schedule(MonitoringSchedule s, LocalDate until) {
        instruments = s.instruments();
        everySessions = s.everySessions();
        everyWeeks = s.everyWeeks();
        untilDate = until;
    }

    /** Whether a measure may fall due on {@code day}. */
    public boolean runsOn(LocalDate day) {
        return untilDate == null || !day.isAfter(untilDate);
    }
}
