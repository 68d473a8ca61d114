package org.praxis.intake.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.praxis.platform.problem.Violation;

/**
 * A tenant's own words for clients, each replacing the built-in text ({@link BuiltInWording}) of one key
 * in one locale. A key names what is worded: {@code score/<instrument>/<band>} (or {@code score/<instrument>},
 * {@code score} for any band), {@code flag/<code>} (or {@code flag}), {@code pathway/<code>} (or {@code pathway}),
 * {@code reason/<triage rule>} (or {@code reason}).
 */
public record ClientWording(List<Text> texts) {
    public static final int MAX_TEXTS = 500;
    public static final int MAX_TEXT = 1_000;
    public static final int MAX_KEY = 140;
    public static final int MAX_LOCALE = 35;
    public static final String KEY_PATTERN =
            "score(/[A-Za-z0-9][A-Za-z0-9._-]{0,63}){0,2}|(flag|pathway|reason)(/[a-z0-9][a-z0-9-]{0,63})?";
    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    /** One text: {@code locale} is a BCP 47 language tag, e.g. {@code en}, {@code de}, {@code pt-BR}. */
    public record Text(String key, String locale, String text) {}

    public ClientWording {
        texts = List.copyOf(texts);
    }

    public static ClientWording none() {
        return new ClientWording(List.of());
    }

    /** Well-formed keys and locales, each key and locale once. Sizes are bounded by the request. */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            Text t = texts.get(i);
            String at = "texts[" + i + "]";
            if (!KEY.matcher(t.key()).matches()) {
                violations.add(new Violation(
                        at + ".key",
                        "must be score[/instrument[/band]], flag[/code], pathway[/code] or reason[/rule]"));
            }
            if (!isLanguageTag(t.locale())) {
                violations.add(new Violation(at + ".locale", "must be a language tag such as en or pt-BR"));
            }
            if (t.text().isBlank()) {
                violations.add(new Violation(at + ".text", "must not be blank"));
            }
            if (!seen.add(t.key() + " " + t.locale().toLowerCase(Locale.ROOT))) {
                violations.add(new Violation(at, "names " + t.key() + " in " + t.locale() + " a second time"));
            }
        }
        return violations;
    }

    static boolean isLanguageTag(String tag) {
        try {
            return new Locale.Builder()
                    .setLanguageTag(tag)
                    .build()
                    .toLanguageTag()
                    .equalsIgnoreCase(tag);
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
