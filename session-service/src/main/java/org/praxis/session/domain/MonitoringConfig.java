package org.praxis.session.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The built-in monitoring defaults ({@code praxis.monitoring.*}), until a tenant's admin sets its own policy. */
@ConfigMapping(prefix = "praxis.monitoring")
public interface MonitoringConfig {
    /** The instruments of a new plan. */
    @WithDefault("PHQ-9,GAD-7")
    List<String> instruments();

    /** A measure after every N-th held session (unless {@link #everyWeeks()} is set). */
    @WithDefault("2")
    int everySessions();

    /** A measure every N weeks from activation instead of by sessions. */
    Optional<Integer> everyWeeks();

    /** Days the client has to complete a measure that fell due after a session before it is overdue. */
    @WithDefault("7")
    int daysToComplete();

    default MonitoringSchedule defaults() {
        return everyWeeks().isPresent()
                ? new MonitoringSchedule(instruments(), null, everyWeeks().get())
                : new MonitoringSchedule(instruments(), everySessions(), null);
    }
}
