package org.praxis.intake.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The triage outcomes, least to most intensive: the recommendation is the most intensive one any rule gives. */
public enum Pathway {
    COACHING("coaching"),
    COACHING_WITH_MONITORING("coaching-with-monitoring"),
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
