package org.praxis.intake.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.praxis.platform.problem.Violation;

/** Scores a response to an instrument. Refuses missing scored items, unknown items and out-of-range values. */
public final class Scorer {
    /** Unknown items named in a refusal; the rest are only counted, so a large bad response gets a small answer. */
    static final int NAMED_UNKNOWN = 3;

    private Scorer() {}

    public static Score score(Instrument instrument, Map<String, Integer> answers) {
        List<Violation> violations = violations(instrument, answers);
        if (!violations.isEmpty()) {
            throw new InvalidAnswers(violations);
        }
        int total = 0;
        for (Instrument.Item item : instrument.scoredItems()) {
            total += answers.get(item.linkId());
        }
        String severity = bandOf(instrument, total);
        if (instrument.lowItemRule().isPresent()) {
            Instrument.LowItemRule rule = instrument.lowItemRule().get();
            boolean anyLow = instrument.scoredItems().stream().anyMatch(i -> answers.get(i.linkId()) <= rule.atMost());
            if (anyLow) {
                severity = rule.severity();
            }
        }
        List<Score.RaisedFlag> flags = new ArrayList<>();
        for (Instrument.ItemFlag flag : instrument.itemFlags()) {
            Integer answer = answers.get(flag.linkId());
            if (answer != null && answer >= flag.atLeast()) {
                flags.add(new Score.RaisedFlag(flag.code(), flag.level(), flag.linkId()));
            }
        }
        Integer percent = instrument.percentMultiplier() == null ? null : total * instrument.percentMultiplier();
        return new Score(total, severity, percent, List.copyOf(flags));
    }

    private static String bandOf(Instrument instrument, int total) {
        return instrument.bands().stream()
                .filter(b -> total >= b.min() && total <= b.max())
                .map(Instrument.Band::severity)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(instrument.code() + " has no band for " + total));
    }

    /** What the scorer refuses in a response, each named {@code answers.<linkId>} (or {@code answers}). */
    public static List<Violation> violations(Instrument instrument, Map<String, Integer> answers) {
        List<Violation> problems = new ArrayList<>();
        Set<String> known =
                instrument.items().stream().map(Instrument.Item::linkId).collect(Collectors.toSet());
        for (Instrument.Item item : instrument.items()) {
            Integer value = answers.get(item.linkId());
            if (value == null) {
                if (item.scored()) {
                    problems.add(new Violation(answer(item.linkId()), "is required"));
                }
            } else if (value < item.min() || value > item.max()) {
                problems.add(
                        new Violation(answer(item.linkId()), "must be between " + item.min() + " and " + item.max()));
            }
        }
        List<String> unknown = answers.keySet().stream()
                .filter(k -> !known.contains(k))
                .sorted()
                .toList();
        unknown.stream()
                .limit(NAMED_UNKNOWN)
                .forEach(k -> problems.add(new Violation(answer(k), "is not an item of " + instrument.code())));
        if (unknown.size() > NAMED_UNKNOWN) {
            problems.add(new Violation(
                    "answers",
                    (unknown.size() - NAMED_UNKNOWN) + " more answers name no item of " + instrument.code()));
        }
        return problems;
    }

    private static String answer(String linkId) {
        return "answers." + linkId;
    }
}
