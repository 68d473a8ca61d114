package org.praxis.intake.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.praxis.intake.domain.Instrument.Band;
import org.praxis.intake.domain.Instrument.Item;
import org.praxis.intake.domain.Instrument.ItemFlag;
import org.praxis.intake.domain.Instrument.LowItemRule;

/**
 * The instruments every tenant has. Scoring is public domain; item topics are short labels in our own
 * words (tenants whose licence allows it can publish their own version with the full wording).
 * Bands as in DESIGN.md "Domain facts".
 */
public final class BuiltInInstruments {
    public static final String PHQ9 = "PHQ-9";
    public static final String PHQ2 = "PHQ-2";
    public static final String GAD7 = "GAD-7";
    public static final String GAD2 = "GAD-2";
    public static final String WHO5 = "WHO-5";
    public static final String WSAS = "WSAS";
    public static final String READINESS = "COACHING-READINESS";

    /** The flag PHQ-9 item 9 raises: thoughts of self-harm, serious whatever the total. */
    public static final String SELF_HARM = "self-harm-thoughts";

    public static final String RECENT_CRISIS = "recent-crisis";

    private static final List<String> PHQ9_TOPICS = List.of(
            "little interest or pleasure",
            "feeling down or hopeless",
            "sleep problems",
            "tiredness, little energy",
            "appetite changes",
            "feeling bad about oneself",
            "trouble concentrating",
            "moving or speaking slowly, or restlessness",
            "thoughts of self-harm");
    private static final List<String> GAD7_TOPICS = List.of(
            "feeling nervous or on edge",
            "cannot stop worrying",
            "worrying about many things",
            "trouble relaxing",
            "restlessness",
            "irritability",
            "fear that something awful may happen");

    /** How many there are: the instrument list declares its largest size with it. */
    public static final int COUNT = 7;

    private static final Map<String, Instrument> ALL = new LinkedHashMap<>();

    static {
        List<Item> phq9 = items(PHQ9_TOPICS, 0, 3);
        phq9.add(new Item("10", "how difficult the problems made daily life (not scored)", 0, 3, false));
        add(new Instrument(
                PHQ9,
                1,
                "Patient Health Questionnaire, 9 items (depression)",
                "PHQ-9/sum/1",
                phq9,
                List.of(
                        new Band(0, 4, "minimal"),
                        new Band(5, 9, "mild"),
                        new Band(10, 14, "moderate"),
                        new Band(15, 19, "moderately-severe"),
                        new Band(20, 27, "severe")),
                List.of(new ItemFlag("9", 1, SELF_HARM, RiskFlag.SERIOUS)),
                null,
                Optional.empty()));
        add(new Instrument(
                PHQ2,
                1,
                "Patient Health Questionnaire, first 2 items (depression screen)",
                "PHQ-2/sum/1",
                items(PHQ9_TOPICS.subList(0, 2), 0, 3),
                positiveAt(3, 6),
                List.of(),
                null,
                Optional.empty()));
        add(new Instrument(
                GAD7,
                1,
                "Generalised Anxiety Disorder scale, 7 items",
                "GAD-7/sum/1",
                items(GAD7_TOPICS, 0, 3),
                List.of(
                        new Band(0, 4, "minimal"),
                        new Band(5, 9, "mild"),
                        new Band(10, 14, "moderate"),
                        new Band(15, 21, "severe")),
                List.of(),
                null,
                Optional.empty()));
        add(new Instrument(
                GAD2,
                1,
                "Generalised Anxiety Disorder scale, first 2 items (anxiety screen)",
                "GAD-2/sum/1",
                items(GAD7_TOPICS.subList(0, 2), 0, 3),
                positiveAt(3, 6),
                List.of(),
                null,
                Optional.empty()));
        add(new Instrument(
                WHO5,
                1,
                "WHO-5 Well-Being Index",
                "WHO-5/sum/1",
                items(
                        List.of(
                                "in good spirits",
                                "calm and relaxed",
                                "active and vigorous",
                                "woke up rested",
                                "daily life full of interest"),
                        0,
                        5),
                List.of(new Band(0, 12, "poor"), new Band(13, 25, "adequate")),
                List.of(),
                4,
                Optional.of(new LowItemRule(1, "poor"))));
        add(new Instrument(
                WSAS,
                1,
                "Work and Social Adjustment Scale",
                "WSAS/sum/1",
                items(
                        List.of(
                                "ability to work",
                                "home management",
                                "social leisure",
                                "private leisure",
                                "close relationships"),
                        0,
                        8),
                List.of(
                        new Band(0, 9, "subclinical"),
                        new Band(10, 20, "significant"),
                        new Band(21, 40, "moderately-severe")),
                List.of(),
                null,
                Optional.empty()));
        add(new Instrument(
                READINESS,
                1,
                "Readiness for coaching (Praxis)",
                "COACHING-READINESS/sum/1",
                List.of(
                        new Item("1", "motivation to work on one's goals now (0 none to 4 strong)", 0, 4, true),
                        new Item(
                                "2",
                                "time for regular sessions and actions between them (0 none to 4 ample)",
                                0,
                                4,
                                true),
                        new Item("3", "currently seeing a therapist or counsellor (0 no, 1 yes)", 0, 1, false),
                        new Item("4", "a personal crisis in the last few weeks (0 no, 1 yes)", 0, 1, false)),
                List.of(new Band(0, 3, "not-ready"), new Band(4, 5, "partly-ready"), new Band(6, 8, "ready")),
                List.of(new ItemFlag("4", 1, RECENT_CRISIS, RiskFlag.ELEVATED)),
                null,
                Optional.empty()));
        if (ALL.size() != COUNT) {
            throw new IllegalStateException("COUNT says " + COUNT + " built-in instruments, there are " + ALL.size());
        }
    }

    private BuiltInInstruments() {}

    private static void add(Instrument instrument) {
        ALL.put(instrument.code(), instrument);
    }

    private static List<Item> items(List<String> topics, int min, int max) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            items.add(new Item(Integer.toString(i + 1), topics.get(i), min, max, true));
        }
        return items;
    }

    private static List<Band> positiveAt(int threshold, int max) {
        return List.of(new Band(0, threshold - 1, "negative"), new Band(threshold, max, "positive"));
    }

    public static Optional<Instrument> byCode(String code) {
        return Optional.ofNullable(ALL.get(code));
    }

    public static List<Instrument> all() {
        return List.copyOf(ALL.values());
    }

    /** PHQ-2 or GAD-2 with a tenant's own positive threshold (DESIGN: configurable per tenant). */
    public static Instrument withPositiveThreshold(Instrument screen, int threshold) {
        int max = screen.maxTotal();
        if (threshold < 1 || threshold > max) {
            throw new IllegalArgumentException("threshold must be between 1 and " + max);
        }
        return new Instrument(
                screen.code(),
                screen.version(),
                screen.title(),
                screen.scoringVersion() + "/threshold-" + threshold,
                screen.items(),
                positiveAt(threshold, max),
                screen.itemFlags(),
                screen.percentMultiplier(),
                screen.lowItemRule());
    }
}
