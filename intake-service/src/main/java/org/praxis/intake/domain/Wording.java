package org.praxis.intake.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words one client reads, in the language they asked for: the tenant's text where it has one, the
 * built-in one otherwise. A text in the client's language wins over a more specific one in another
 * (the key's parents: {@code score/PHQ-9/mild}, {@code score/PHQ-9}, {@code score}); without either,
 * English, which the built-in texts always have.
 */
public final class Wording {
    /** A text and the locale it is in. */
    public record Said(String locale, String text) {}

    /** key -> lower-case locale -> text */
    private final Map<String, Map<String, Said>> byKey = new HashMap<>();

    private final List<Locale.LanguageRange> wanted;

    /** @param wanted the client's languages, best first; English is added as the last */
    Wording(ClientWording tenant, List<Locale.LanguageRange> wanted) {
        this.wanted =
                new ArrayList<>(wanted.stream().filter(r -> r.getWeight() > 0).toList());
        this.wanted.add(new Locale.LanguageRange(BuiltInWording.LOCALE));
        BuiltInWording.TEXTS.forEach((key, text) -> put(key, BuiltInWording.LOCALE, text));
        tenant.texts().forEach(t -> put(t.key(), t.locale(), t.text()));
    }

    private void put(String key, String locale, String text) {
        byKey.computeIfAbsent(key, k -> new HashMap<>()).put(locale.toLowerCase(Locale.ROOT), new Said(locale, text));
    }

    public Said score(String instrument, String band) {
        return said("score/" + instrument + "/" + band);
    }

    public Said flag(String code) {
        return said("flag/" + code);
    }

    public Said pathway(String code) {
        return said("pathway/" + code);
    }

    /** The words for one reason of a recommendation, by its triage rule. */
    public Said reason(String rule) {
        return said("reason/" + rule);
    }

    Said said(String key) {
        for (Locale.LanguageRange range : wanted) {
            for (String k = key; k != null; k = parent(k)) {
                Map<String, Said> texts = byKey.get(k);
                String tag = texts == null ? null : Locale.lookupTag(List.of(range), texts.keySet());
                if (tag != null) {
                    return texts.get(tag.toLowerCase(Locale.ROOT));
                }
            }
        }
        throw new IllegalStateException("no built-in English text for " + key);
    }

    private static String parent(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? null : key.substring(0, slash);
    }

    /**
     * The languages an {@code Accept-Language} header asks for, best first; none where it is missing or
     * malformed (the caller then reads English). Its length is bounded where it is read.
     */
    public static List<Locale.LanguageRange> accepted(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
