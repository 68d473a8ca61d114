package org.praxis.bench;

import java.util.ArrayList;
import java.util.List;

/** Reads the plans auto_explain wrote into PostgreSQL's log (text format). */
final class AutoExplainLog {
    private AutoExplainLog() {}

    /**
     * Each plan starts at a line ending in {@code plan:} and goes on over the lines that start with a
     * tab; only plans whose query text contains {@code queryPart} are returned, in log order.
     */
    static List<String> plans(String log, String queryPart) {
        List<String> plans = new ArrayList<>();
        StringBuilder current = null;
        for (String line : log.split("\n", -1)) {
            if (line.contains("LOG:  duration:") && line.endsWith("plan:")) {
                add(plans, current, queryPart);
                current = new StringBuilder();
            } else if (current != null && line.startsWith("\t")) {
                current.append(line.substring(1)).append('\n');
            } else if (current != null) {
                add(plans, current, queryPart);
                current = null;
            }
        }
        add(plans, current, queryPart);
        return plans;
    }

    private static void add(List<String> plans, StringBuilder plan, String queryPart) {
        if (plan != null && plan.toString().contains(queryPart)) {
            plans.add(plan.toString().strip());
        }
    }
}
