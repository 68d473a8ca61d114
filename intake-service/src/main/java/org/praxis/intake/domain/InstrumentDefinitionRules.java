package org.praxis.intake.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.praxis.platform.problem.Violation;

/**
 * What makes a tenant's instrument scoreable: unique items with sane ranges, bands that cover every
 * possible total exactly once, and item flags that point at real items and reachable answers.
 */
public final class InstrumentDefinitionRules {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");
    /** Items of one instrument, and the largest answer an item may take. */
    public static final int MAX_ITEMS = 100;

    public static final int MAX_ANSWER = 100;
    /** So no total can exceed this. */
    public static final int MAX_TOTAL = MAX_ITEMS * MAX_ANSWER;

    private InstrumentDefinitionRules() {}

    public static List<Violation> violations(Instrument i) {
        List<Violation> problems = new ArrayList<>();
        if (i.code() == null || !CODE.matcher(i.code()).matches()) {
            problems.add(new Violation("code", "must be 2-40 upper-case letters, digits or dashes"));
        } else if (BuiltInInstruments.byCode(i.code()).isPresent()) {
            problems.add(new Violation("code", "is a built-in instrument"));
        }
        if (i.title() == null || i.title().isBlank()) {
            problems.add(new Violation("title", "is required"));
        }
        if (i.items() == null || i.items().isEmpty() || i.items().size() > MAX_ITEMS) {
            problems.add(new Violation("items", "needs 1 to " + MAX_ITEMS + " items"));
            return problems;
        }
        Set<String> linkIds = new HashSet<>();
        for (int n = 0; n < i.items().size(); n++) {
            Instrument.Item item = i.items().get(n);
            if (item.linkId() == null || item.linkId().isBlank() || !linkIds.add(item.linkId())) {
                problems.add(new Violation("items[" + n + "].linkId", "must be present and unique"));
            }
            if (item.min() < 0 || item.max() < item.min() || item.max() > MAX_ANSWER) {
                problems.add(new Violation("items[" + n + "]", "needs 0 <= min <= max <= " + MAX_ANSWER));
            }
        }
        if (i.items().stream().noneMatch(Instrument.Item::scored)) {
            problems.add(new Violation("items", "needs at least one scored item"));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        checkBands(i, problems);
        for (int n = 0; n < i.itemFlags().size(); n++) {
            Instrument.ItemFlag flag = i.itemFlags().get(n);
            Instrument.Item item = i.items().stream()
                    .filter(x -> x.linkId().equals(flag.linkId()))
                    .findFirst()
                    .orElse(null);
            if (item == null) {
                problems.add(new Violation("itemFlags[" + n + "].linkId", "names no item"));
            } else if (flag.atLeast() <= item.min() || flag.atLeast() > item.max()) {
                problems.add(new Violation(
                        "itemFlags[" + n + "].atLeast", "must be above the item's minimum and reachable"));
            }
            if (flag.code() == null || !SLUG.matcher(flag.code()).matches()) {
                problems.add(new Violation("itemFlags[" + n + "].code", "must be a lower-case code"));
            }
            if (!RiskFlag.LEVELS.contains(flag.level())) {
                problems.add(new Violation("itemFlags[" + n + "].level", "must be serious, elevated or low"));
            }
        }
        return problems;
    }

    private static void checkBands(Instrument i, List<Violation> problems) {
        if (i.bands() == null || i.bands().isEmpty()) {
            problems.add(new Violation("bands", "needs at least one band"));
            return;
        }
        List<Instrument.Band> sorted = i.bands().stream()
                .sorted((a, b) -> Integer.compare(a.min(), b.min()))
                .toList();
        int expected = i.minTotal();
        for (Instrument.Band band : sorted) {
            if (band.severity() == null || !SLUG.matcher(band.severity()).matches()) {
                problems.add(new Violation("bands", "severity " + band.severity() + " must be a lower-case code"));
            }
            if (band.min() != expected || band.max() < band.min()) {
                problems.add(new Violation(
                        "bands",
                        "must cover every total from " + i.minTotal() + " to " + i.maxTotal()
                                + " exactly once; a gap or overlap is at " + expected));
                return;
            }
            expected = band.max() + 1;
        }
        if (expected != i.maxTotal() + 1) {
            problems.add(new Violation("bands", "must end at the maximum total " + i.maxTotal()));
        }
    }
}
