package org.praxis.intake.domain;

import java.util.List;
import java.util.Optional;

/**
 * A questionnaire and how the server scores it: the sum of the scored items, the band the total falls
 * in, and item-level risk flags. A published version never changes; a change is a new version.
 *
 * @param percentMultiplier when set, the response also reports {@code total × multiplier} (WHO-5: 4)
 * @param lowItemRule       when set, any scored item at or below its value sets the severity (WHO-5)
 */
public record Instrument(
        String code,
        int version,
        String title,
        String scoringVersion,
        List<Item> items,
        List<Band> bands,
        List<ItemFlag> itemFlags,
        Integer percentMultiplier,
        Optional<LowItemRule> lowItemRule) {

    /** One question; {@code topic} is a short label in our own words, not the licensed wording. */
    public record Item(String linkId, String topic, int min, int max, boolean scored) {}

    /** Totals {@code min..max} inclusive have this severity code. */
    public record Band(int min, int max, String severity) {}

    /** An answer of at least {@code atLeast} to item {@code linkId} raises a risk flag, whatever the total. */
    public record ItemFlag(String linkId, int atLeast, String code, String level) {}

    public record LowItemRule(int atMost, String severity) {}

    public List<Item> scoredItems() {
        return items.stream().filter(Item::scored).toList();
    }

    public int maxTotal() {
        return scoredItems().stream().mapToInt(Item::max).sum();
    }

    public int minTotal() {
        return scoredItems().stream().mapToInt(Item::min).sum();
    }
}
