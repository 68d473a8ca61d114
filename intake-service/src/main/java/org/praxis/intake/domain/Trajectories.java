package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.praxis.intake.domain.Trajectory.Change;
import org.praxis.intake.domain.Trajectory.Point;
import org.praxis.intake.domain.access.Policies;
import org.praxis.intake.domain.access.ScreeningPolicy;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Bounds;

/** An intake's score trajectories per instrument, as the practitioners who may see them read them. */
@ApplicationScoped
public class Trajectories {
    /** The newest points a trajectory lists (with its baseline always). */
    public static final int MAX_POINTS = Bounds.LIST;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    Intakes intakes;

    @Inject
    Policies access;

    @Inject
    AuditLog audit;

    /**
     * One instrument's trajectory: its baseline and up to {@link #MAX_POINTS} newest points, oldest first.
     *
     * @param earlierPointsOmitted points between the baseline and the listed ones were left out
     */
    public record Series(String instrument, List<Point> points, boolean earlierPointsOmitted, Change change) {}

    /** Per instrument (optionally one), in instrument order; 404 where the intake is not the caller's to see. */
    @Transactional
    public List<Series> ofIntake(UUID intakeId, String instrument) {
        intakes.readable(intakeId);
        Map<String, Object> params = new HashMap<>();
        String visible = access.screening()
                .filter(callerContext.caller(), ScreeningPolicy.Action.VIEW_TRAJECTORY)
                .jpql("e", params);
        params.put("intake", intakeId);
        String where = "(" + visible + ") and e.intakeId = :intake"
                + (instrument == null ? "" : " and e.instrumentCode = :code");
        if (instrument != null) {
            params.put("code", instrument);
        }
        List<Series> series = new ArrayList<>();
        for (Screening baseline : baselines(where, params)) {
            series.add(series(baseline, where, params));
        }
        audit.record("read", "trajectory", intakeId, instrument == null ? null : "instrument=" + instrument);
        return series;
    }

    /** The first screening of each instrument (the earliest; the smallest id among equally early ones). */
    private List<Screening> baselines(String where, Map<String, Object> params) {
        List<Screening> firsts = tenant.select(
                        Screening.class,
                        where + " and e.scoredAt = (select min(s.scoredAt) from Screening s"
                                + " where s.intakeId = e.intakeId and s.instrumentCode = e.instrumentCode)",
                        "e.instrumentCode asc, e.id asc",
                        params)
                .setMaxResults(Bounds.LIST)
                .getResultList();
        Map<String, Screening> byInstrument = new LinkedHashMap<>();
        firsts.forEach(s -> byInstrument.putIfAbsent(s.instrumentCode, s));
        return List.copyOf(byInstrument.values());
    }

    private Series series(Screening baseline, String where, Map<String, Object> params) {
        Map<String, Object> one = new HashMap<>(params);
        one.put("code", baseline.instrumentCode);
        List<Screening> newest = tenant.select(
                        Screening.class,
                        where.contains(":code") ? where : where + " and e.instrumentCode = :code",
                        "e.scoredAt desc, e.id desc",
                        one)
                .setMaxResults(MAX_POINTS + 2)
                .getResultList();
        boolean omitted = newest.size() > MAX_POINTS + 1; // the one after the newest ones may be the baseline
        List<Point> points = new ArrayList<>(newest.subList(0, Math.min(newest.size(), MAX_POINTS)).stream()
                .map(Point::of)
                .toList());
        Point first = Point.of(baseline);
        if (!points.get(points.size() - 1).screeningId().equals(baseline.id)) {
            points.add(first);
        }
        Point latest = points.get(0);
        Point previous = points.size() > 1 ? points.get(1) : latest;
        Change change = Trajectory.change(bandsOf(baseline.instrumentCode), first, previous, latest);
        Collections.reverse(points);
        return new Series(baseline.instrumentCode, List.copyOf(points), omitted, change);
    }

    /**
     * The built-in instrument, for its bands' order; a tenant's own instrument has no known direction
     * (ChangeThresholds), so its bands never count and none are needed.
     */
    static Instrument bandsOf(String code) {
        return BuiltInInstruments.byCode(code)
                .orElseGet(() ->
                        new Instrument(code, 1, code, code, List.of(), List.of(), List.of(), null, Optional.empty()));
    }
}
