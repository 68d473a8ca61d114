package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.session.domain.access.MonitoringMeasurePolicy;

/** The practitioner's and supervisor's list of monitoring measures, soonest due first. */
@ApplicationScoped
public class MeasureList {
    @Inject
    org.praxis.platform.persistence.TenantQueries tenant;

    @Inject
    Policies policies;

    /**
     * The measures the caller may see, by status: {@code overdue} (due before today, not completed),
     * {@code due} (not completed, due today or later), {@code completed}, {@code withdrawn}; null: all.
     */
    public Page<MonitoringMeasure> list(String status, UUID engagementId, PageRequest page) {
        MonitoringMeasurePolicy policy = policies.monitoringMeasures();
        policy.requireAllowed(policies.caller(), MonitoringMeasurePolicy.Action.LIST);
        Map<String, Object> params = new HashMap<>();
        List<String> where =
                new ArrayList<>(List.of(policy.filter(policies.caller(), MonitoringMeasurePolicy.Action.LIST)
                        .jpql("e", params)));
        if (status != null) {
            where.add("e.status = :status");
            boolean open = MonitoringMeasure.DUE.equals(status) || MonitoringMeasure.OVERDUE.equals(status);
            params.put("status", open ? MonitoringMeasure.DUE : status);
            if (open) {
                where.add(MonitoringMeasure.OVERDUE.equals(status) ? "e.dueOn < :today" : "e.dueOn >= :today");
                params.put("today", LocalDate.now(ZoneOffset.UTC));
            }
        }
        if (engagementId != null) {
            where.add("e.engagementId = :engagement");
            params.put("engagement", engagementId);
        }
        return tenant.pageSoonestFirst(MonitoringMeasure.class, where, params, page, "e.dueOn");
    }
}
