package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.praxis.platform.settings.TenantSettingsRow;

/** A tenant's stored monitoring defaults (see {@link MonitoringSchedule}). */
@Entity
@Table(name = "monitoring_policy")
public class TenantMonitoringPolicy extends TenantSettingsRow<MonitoringSchedule> {
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> instruments;

    public Integer everySessions;
    public Integer everyWeeks;

    @Override
    public MonitoringSchedule read() {
        return new MonitoringSchedule(instruments, everySessions, everyWeeks);
    }

    @Override
    public void write(MonitoringSchedule schedule) {
        instruments = schedule.instruments();
        everySessions = schedule.everySessions();
        everyWeeks = schedule.everyWeeks();
    }
}
