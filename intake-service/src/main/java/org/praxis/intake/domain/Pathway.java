package org.praxis.intake.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The triage outcomes, least to most intensive: the recommendation is the most intensive one any rule gives.
 * {@code no-intervention} is below coaching (it is what is left when nothing indicates need and the person wants
 * no help now); {@code support-work} is above the coaching pathways (support first where coaching's reliance on
 * the person's own agency does not fit yet) and below the clinical ones, so a clinical indication still wins and
 * {@link PathwayEscalation} treats it, like coaching, as a pathway below therapy.
 */
public enum Pathway {
    NO_INTERVENTION("no-intervention"),
    COACHING("coaching"),
    COACHING_WITH_MONITORING("coaching-with-monitoring"),
    SUPPORT_WORK("support-work"),
    INTEGRATED("integrated"),
    THERAPY("therapy"),
    URGENT("urgent");

    private final String code;

    Pathway(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Pathway of(String code) {
        return Arrays.stream(values())
                .filter(p -> p.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pathway " + code));
    }
}
