package org.praxis.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which text a client reads: the tenant's over the built-in, their language over a more specific key. */
class WordingTest {
    private static final ClientWording TENANT = new ClientWording(List.of(
            new ClientWording.Text("score/PHQ-9/mild", "en", "own mild"),
            new ClientWording.Text("score", "de", "eigene Worte"),
            new ClientWording.Text("flag/self-harm-thoughts", "pt-BR", "palavras")));

    private static Wording.Said said(String acceptLanguage, String key) {
        return new Wording(TENANT, Wording.accepted(acceptLanguage)).said(key);
    }

    @Test
    void theTenantsTextReplacesTheBuiltInOneOfItsKey() {
        assertEquals(new Wording.Said("en", "own mild"), said(null, "score/PHQ-9/mild"));
        assertEquals(
                BuiltInWording.TEXTS.get("score/PHQ-9/severe"),
                said(null, "score/PHQ-9/severe").text());
    }

    @Test
    void aTriageReasonIsWordedAndATenantMayOverrideIt() {
        Wording own = new Wording(
                new ClientWording(List.of(new ClientWording.Text("reason/in-therapy", "en", "own words"))), List.of());
        assertEquals("own words", own.reason("in-therapy").text());
        assertEquals(
                BuiltInWording.TEXTS.get("reason/no-indication"),
                own.reason("no-indication").text());
        assertEquals(
                BuiltInWording.TEXTS.get("reason"), own.reason("a-new-rule").text());
    }

    @Test
    void aKeyWithoutTextReadsItsParent() {
        assertEquals(
                BuiltInWording.TEXTS.get("score"),
                said("en", "score/PULSE/high").text());
        assertEquals(
                BuiltInWording.TEXTS.get("flag"), said("en", "flag/overload").text());
        assertEquals(
                BuiltInWording.TEXTS.get("pathway"),
                said("en", "pathway/elsewhere").text());
    }

    @Test
    void theClientsLanguageWinsOverAMoreSpecificTextInAnother() {
        assertEquals(new Wording.Said("de", "eigene Worte"), said("de-AT, en;q=0.5", "score/PHQ-9/mild"));
        assertEquals(new Wording.Said("pt-BR", "palavras"), said("pt-br", "flag/self-harm-thoughts"));
    }

    @Test
    void anUnmatchedOrMalformedHeaderReadsEnglish() {
        for (String header : new String[] {"fr", "", "   ", ";;q=zz", "*"}) {
            assertEquals("en", said(header, "score/PHQ-9/mild").locale(), header);
        }
    }

    @Test
    void everyBuiltInInstrumentsBandsAndFlagsHaveTheirOwnText() {
        for (Instrument i : BuiltInInstruments.all()) {
            for (Instrument.Band b : i.bands()) {
                assertTrue(BuiltInWording.TEXTS.containsKey("score/" + i.code() + "/" + b.severity()), i.code() + b);
            }
            for (Instrument.ItemFlag f : i.itemFlags()) {
                assertTrue(BuiltInWording.TEXTS.containsKey("flag/" + f.code()), f.code());
            }
        }
        for (Pathway p : Pathway.values()) {
            assertTrue(BuiltInWording.TEXTS.containsKey("pathway/" + p.code()), p.code());
        }
        for (String rule : Triage.RULES) {
            assertTrue(BuiltInWording.TEXTS.containsKey("reason/" + rule), rule);
        }
    }

    @Test
    void keysAndLocalesAreCheckedAndNamedOnce() {
        assertEquals(0, TENANT.violations().size());
        ClientWording bad = new ClientWording(List.of(
                new ClientWording.Text("score/PHQ-9/mild/extra", "en", "x"),
                new ClientWording.Text("flag/Self Harm", "en", "x"),
                new ClientWording.Text("pathway", "en_GB", "x"),
                new ClientWording.Text("pathway", "en", " "),
                new ClientWording.Text("score", "en", "x"),
                new ClientWording.Text("score", "EN", "y")));
        assertEquals(
                List.of("texts[0].key", "texts[1].key", "texts[2].locale", "texts[3].text", "texts[5]"),
                bad.violations().stream().map(v -> v.field()).toList());
    }
}
