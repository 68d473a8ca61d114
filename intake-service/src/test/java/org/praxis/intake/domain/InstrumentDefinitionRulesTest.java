package org.praxis.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.praxis.platform.problem.Violation;

class InstrumentDefinitionRulesTest {
    private static final List<Instrument.Item> TWO_ITEMS =
            List.of(new Instrument.Item("1", "a", 0, 4, true), new Instrument.Item("2", "b", 0, 4, true));

    private static Instrument with(
            String code, List<Instrument.Item> items, List<Instrument.Band> bands, List<Instrument.ItemFlag> flags) {
        return new Instrument(code, 1, "Pulse", code + "/sum/1", items, bands, flags, null, Optional.empty());
    }

    private static List<String> fields(Instrument i) {
        return InstrumentDefinitionRules.violations(i).stream()
                .map(Violation::field)
                .toList();
    }

    @Test
    void aWellFormedInstrumentPassesAndScores() {
        Instrument ok = with(
                "PULSE",
                TWO_ITEMS,
                List.of(new Instrument.Band(0, 3, "low"), new Instrument.Band(4, 8, "high")),
                List.of(new Instrument.ItemFlag("2", 4, "burnout", "elevated")));
        assertEquals(List.of(), fields(ok));
        Score score = Scorer.score(ok, java.util.Map.of("1", 1, "2", 4));
        assertEquals("high", score.severity());
        assertEquals("burnout", score.flags().get(0).code());
    }

    @Test
    void bandsMustCoverEveryTotalOnce() {
        assertEquals(
                List.of("bands"),
                fields(with(
                        "PULSE",
                        TWO_ITEMS,
                        List.of(new Instrument.Band(0, 3, "low"), new Instrument.Band(5, 8, "high")),
                        List.of())));
        assertEquals(
                List.of("bands"),
                fields(with(
                        "PULSE",
                        TWO_ITEMS,
                        List.of(new Instrument.Band(0, 4, "low"), new Instrument.Band(4, 8, "high")),
                        List.of())));
        assertEquals(
                List.of("bands"),
                fields(with("PULSE", TWO_ITEMS, List.of(new Instrument.Band(0, 7, "low")), List.of())));
    }

    @Test
    void itemsFlagsAndCodesAreChecked() {
        List<Instrument.Band> bands = List.of(new Instrument.Band(0, 8, "any"));
        assertEquals(List.of("code"), fields(with("PHQ-9", TWO_ITEMS, bands, List.of())));
        assertEquals(List.of("code"), fields(with("bad code", TWO_ITEMS, bands, List.of())));
        assertTrue(fields(with(
                        "PULSE",
                        List.of(new Instrument.Item("1", "a", 0, 4, true), new Instrument.Item("1", "b", 0, 4, true)),
                        bands,
                        List.of()))
                .contains("items[1].linkId"));
        assertEquals(
                List.of("itemFlags[0].linkId"),
                fields(with("PULSE", TWO_ITEMS, bands, List.of(new Instrument.ItemFlag("7", 1, "x", "low")))));
        assertEquals(
                List.of("itemFlags[0].atLeast"),
                fields(with("PULSE", TWO_ITEMS, bands, List.of(new Instrument.ItemFlag("1", 5, "x", "low")))));
        assertEquals(
                List.of("itemFlags[0].level"),
                fields(with("PULSE", TWO_ITEMS, bands, List.of(new Instrument.ItemFlag("1", 2, "x", "panic")))));
    }
}
