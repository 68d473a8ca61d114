package org.praxis.session.domain;

import java.util.ArrayList;
import java.util.List;
import org.praxis.platform.problem.Violation;

/**
 * What a monitoring plan measures and how often: the instruments (codes such as PHQ-9, GAD-7, WHO-5,
 * WSAS or a tenant's own), and a measure of each after every N-th held session or every N weeks from
 * activation — exactly one of the two. A tenant's monitoring policy holds one as the defaults of new plans.
 */
public record MonitoringSchedule(List<String> instruments, Integer everySessions, Integer everyWeeks) {
    /** Instruments in one plan at most. */
    public static final int MAX_INSTRUMENTS = 8;
    /** The longest interval, in sessions or weeks. */
    public static final int MAX_INTERVAL = 52;
    /** An instrument code: letters, digits and dashes (PHQ-9). */
    public static final String CODE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9-]*$";

    public MonitoringSchedule {
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
    }

    public boolean bySessions() {
        return everySessions != null;
    }

    /** What is wrong with the schedule as field errors (empty: it is usable). */
    public List<Violation> violations() {
        List<Violation> problems = new ArrayList<>();
        if (instruments.isEmpty() || instruments.size() > MAX_INSTRUMENTS) {
            problems.add(new Violation("instruments", "must name 1 to " + MAX_INSTRUMENTS + " instruments"));
        } else if (instruments.stream().distinct().count() != instruments.size()) {
            problems.add(new Violation("instruments", "must not name an instrument twice"));
        }
        if ((everySessions == null) == (everyWeeks == null)) {
            problems.add(new Violation("everySessions", "set exactly one of everySessions and everyWeeks"));
        }
        return problems;
    }
}
