package org.praxis.intake.domain;

import java.util.List;
import java.util.Map;

/**
 * The English words a client reads where a practitioner reads a band, flag or pathway code: written
 * here, in our own words, to describe what the answers suggest and what happens next, never a diagnosis
 * or a severity. The keys are {@link ClientWording}'s; {@code score}, {@code flag} and {@code pathway}
 * word whatever has no text of its own (a tenant's own instrument, a new flag).
 */
public final class BuiltInWording {
    public static final String LOCALE = "en";

    private static final String TALK =
            "Your answers suggest it may help to talk to someone about how you have been feeling.";
    private static final String TALK_SOON = "Your answers suggest things have been hard lately. It may help to talk to"
            + " someone soon about how you have been feeling; your coach will be in touch.";

    static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("score", "Thank you for your answers. Your coach will go through them with you."),
            Map.entry("score/PHQ-9/minimal", "Your answers suggest you have mostly been feeling all right lately."),
            Map.entry(
                    "score/PHQ-9/mild",
                    "Your answers suggest some things have been weighing on you lately."
                            + " It can help to notice how you are feeling over the next weeks."),
            Map.entry("score/PHQ-9/moderate", TALK),
            Map.entry("score/PHQ-9/moderately-severe", TALK),
            Map.entry("score/PHQ-9/severe", TALK_SOON),
            Map.entry(
                    "score/GAD-7/minimal", "Your answers suggest worry has not been getting in your way much lately."),
            Map.entry("score/GAD-7/mild", "Your answers suggest worry has been on your mind at times lately."),
            Map.entry(
                    "score/GAD-7/moderate",
                    "Your answers suggest it may help to talk to someone about the worry" + " you have been feeling."),
            Map.entry(
                    "score/GAD-7/severe",
                    "Your answers suggest worry has been hard to live with lately. It may help"
                            + " to talk to someone soon; your coach will be in touch."),
            Map.entry("score/PHQ-2/negative", "Thank you. Your answers do not call for more questions right now."),
            Map.entry(
                    "score/PHQ-2/positive",
                    "Thank you. It would help to ask you a few more questions about how" + " you have been feeling."),
            Map.entry("score/GAD-2/negative", "Thank you. Your answers do not call for more questions right now."),
            Map.entry(
                    "score/GAD-2/positive",
                    "Thank you. It would help to ask you a few more questions about how" + " you have been feeling."),
            Map.entry("score/WHO-5/poor", "Your answers suggest your wellbeing has been lower lately. " + TALK),
            Map.entry("score/WHO-5/adequate", "Your answers suggest your wellbeing has been reasonable lately."),
            Map.entry(
                    "score/WSAS/subclinical",
                    "Your answers suggest day-to-day life has not been held back much" + " lately."),
            Map.entry(
                    "score/WSAS/significant",
                    "Your answers suggest some parts of day-to-day life have been harder" + " lately."),
            Map.entry(
                    "score/WSAS/moderately-severe",
                    "Your answers suggest day-to-day life has been hard lately. It"
                            + " may help to talk about what would make it easier."),
            Map.entry(
                    "score/COACHING-READINESS/not-ready",
                    "Your answers suggest now may not be the easiest time to"
                            + " start; your coach will talk the timing through with you."),
            Map.entry(
                    "score/COACHING-READINESS/partly-ready",
                    "Your answers suggest you are getting ready to start;"
                            + " your coach will talk through what would help."),
            Map.entry("score/COACHING-READINESS/ready", "Your answers suggest you are ready to start."),
            Map.entry("flag", "Thank you for telling us. Someone from the team will be in touch with you."),
            Map.entry(
                    "flag/" + BuiltInInstruments.SELF_HARM,
                    "Thank you for telling us how you have been feeling."
                            + " Someone from the team will contact you soon. If you feel you might act on thoughts of"
                            + " harming yourself, please call your local emergency number now."),
            Map.entry(
                    "flag/" + BuiltInInstruments.RECENT_CRISIS,
                    "Thank you for telling us about a hard time"
                            + " recently. Your coach will talk with you about what support would help."),
            Map.entry(
                    "flag/monitoring-deterioration",
                    "Your recent answers suggest things may have become harder."
                            + " Your coach will check in with you."),
            Map.entry(
                    "flag/pathway-escalation",
                    "Your recent answers suggest some extra support may help. Someone"
                            + " from the team will talk the options through with you."),
            Map.entry("reason", "Your answers were part of this recommendation."),
            Map.entry(
                    "reason/open-risk-flag",
                    "Something you told us means we want to make sure you are safe and" + " supported first."),
            Map.entry("reason/phq9-therapy", "Your answers about your mood suggest a therapist may help most."),
            Map.entry(
                    "reason/phq9-integrated",
                    "Your answers about your mood suggest support from a health"
                            + " professional alongside coaching may help."),
            Map.entry(
                    "reason/phq9-monitoring",
                    "Your answers about your mood suggest we check in now and then on" + " how you are feeling."),
            Map.entry("reason/gad7-therapy", "Your answers about worry suggest a therapist may help most."),
            Map.entry(
                    "reason/gad7-integrated",
                    "Your answers about worry suggest support from a health"
                            + " professional alongside coaching may help."),
            Map.entry(
                    "reason/gad7-monitoring",
                    "Your answers about worry suggest we check in now and then on how" + " you are feeling."),
            Map.entry(
                    "reason/who5-poor",
                    "Your answers suggest your wellbeing has been lower lately, so we would"
                            + " like to ask a few more questions over time."),
            Map.entry(
                    "reason/wsas-impairment",
                    "Your answers suggest day-to-day life has been harder lately, so we"
                            + " would like to check in now and then."),
            Map.entry("reason/phq2-positive", "Your first answers about your mood call for a few more questions."),
            Map.entry("reason/gad2-positive", "Your first answers about worry call for a few more questions."),
            Map.entry(
                    "reason/readiness-not-ready",
                    "Coaching builds on the time and energy you can bring to it;"
                            + " your answers suggest some practical support may help first."),
            Map.entry(
                    "reason/in-therapy",
                    "You are seeing a therapist or counsellor, so coaching would run beside"
                            + " that work with clear boundaries, and we would check in now and then."),
            Map.entry(
                    "reason/no-help-wanted",
                    "You told us you do not want help right now, and nothing in your" + " answers says otherwise."),
            Map.entry("reason/no-indication", "Nothing in your answers suggests you need more than coaching."),
            Map.entry("pathway", "Your coach will talk the next steps through with you."),
            Map.entry(
                    "pathway/no-intervention",
                    "You told us you do not want help right now, and nothing in your answers"
                            + " says otherwise. You can come back to us whenever you like."),
            Map.entry(
                    "pathway/support-work",
                    "Some practical support first may help most, before starting coaching;"
                            + " your coach will talk it through with you."),
            Map.entry("pathway/coaching", "Coaching looks like a good fit for what you would like to work on."),
            Map.entry(
                    "pathway/coaching-with-monitoring",
                    "Coaching looks like a good fit, and now and then we will"
                            + " ask a few short questions about how you are feeling."),
            Map.entry(
                    "pathway/integrated",
                    "Coaching alongside support from a health professional may help most;"
                            + " your coach will talk it through with you."),
            Map.entry(
                    "pathway/therapy",
                    "Talking with a therapist or counsellor may help most with what you have"
                            + " described; we can help you find one."),
            Map.entry(
                    "pathway/urgent",
                    "We would like to help you get support quickly; someone from the team will"
                            + " contact you today."));

    private BuiltInWording() {}

    /** Every built-in text, by key. */
    public static List<ClientWording.Text> texts() {
        return TEXTS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new ClientWording.Text(e.getKey(), LOCALE, e.getValue()))
                .toList();
    }
}
